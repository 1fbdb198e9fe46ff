// Everyone with an account, by user name: role, municipalities, signature, and whether they still
// have access. Per account: a new password, or taking access away — which ends their logins at
// once, so it asks first (like erasing a person) — and giving it back.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { post } from './api.js';
import { feedback } from './feedback.js';
import { busy } from './form.js';
import { PASSWORD_MIN, passwordField } from './password-field.js';
import { panel, uniqueId } from './view.js';

const byName = (a, b) => a.username.localeCompare(b.username, undefined, { sensitivity: 'base' })
  || (a.username < b.username ? -1 : a.username > b.username ? 1 : 0);

/**
 * @param me the logged-in admin ({username}); their own access cannot be taken away here
 * @param onPasswordSet (account, password) after a new password was stored
 * → {node, heading, add(account)}
 */
export function accountList({ me, accounts, onPasswordSet }) {
  const { node, heading } = panel(t('console.accounts.list.title'), 'account-list');
  const result = feedback();
  const summary = el('p', { class: 'hint' });
  const list = el('ul', { class: 'accounts' });
  const items = new Map();
  node.append(summary, result.node, list);

  function path(username, action) {
    return `/api/accounts/${encodeURIComponent(username)}/${action}`;
  }

  /** Puts an item in its place by name, replacing the old one for the same account. */
  function place(account) {
    const item = createItem(account);
    const old = items.get(account.username);
    items.set(account.username, item);
    if (old) {
      old.node.replaceWith(item.node);
    } else {
      const after = [...items.values()].filter(other => other !== item && byName(other.account, account) > 0)
        .sort((a, b) => byName(a.account, b.account))[0];
      list.insertBefore(item.node, after ? after.node : null);
    }
    summary.textContent = t(items.size === 1 ? 'console.accounts.list.one' : 'console.accounts.list.count', { count: items.size });
    return item;
  }

  function createItem(account) {
    const headingId = uniqueId('account');
    const itemResult = feedback();
    const mine = account.username === me.username;
    const heading = el('h3', { attrs: { id: headingId, tabindex: '-1' } }, account.username,
      mine ? el('span', { class: 'account-you', text: ` ${t('console.accounts.you')}` }) : null);
    const facts = el('dl', { class: 'account-facts' },
      fact(t('console.accounts.role'), t(`console.accounts.role.${account.role}`) || account.role),
      account.municipalities?.length ? fact(t('console.accounts.municipalitiesShort'), account.municipalities.join(', ')) : null,
      account.signature ? fact(t('console.accounts.signatureShort'), account.signature) : null);
    const status = account.disabled
      ? el('p', { class: 'account-status' }, el('span', { class: 'badge state-closed', text: t('console.accounts.disabled') }))
      : null;

    const described = { type: 'button', 'aria-describedby': headingId };
    const resetToggle = el('button', { class: 'secondary', attrs: { ...described, 'aria-expanded': 'false' }, dataset: { action: 'password' }, text: t('console.accounts.reset') });
    const disableToggle = el('button', { class: 'secondary', attrs: { ...described, 'aria-expanded': 'false' }, dataset: { action: 'disable' }, text: t('console.accounts.disable') });
    const enable = el('button', { class: 'secondary', attrs: described, dataset: { action: 'enable' }, text: t('console.accounts.enable') });
    resetToggle.hidden = Boolean(account.disabled); // no logins to hand out while access is taken away
    disableToggle.hidden = mine || Boolean(account.disabled);
    enable.hidden = !account.disabled;

    // A new password
    const password = passwordField({ label: t('console.accounts.newPassword', { username: account.username }), name: 'new-password' });
    const saveReset = el('button', { attrs: { type: 'submit', 'aria-describedby': headingId }, text: t('console.accounts.resetSave') });
    const cancelReset = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.accounts.cancel') });
    const resetForm = el('form', { class: 'reset-form', attrs: { hidden: true, novalidate: true, id: uniqueId('reset-form') } },
      password.node, el('div', { class: 'actions' }, saveReset, cancelReset));
    resetToggle.setAttribute('aria-controls', resetForm.id);

    // Taking access away, after a confirmation
    const warningId = uniqueId('disable-warning');
    const warning = el('p', { class: 'warning', attrs: { id: warningId, tabindex: '-1' }, text: t('console.accounts.disableWarning', { username: account.username }) });
    const confirmDisable = el('button', { class: 'danger', attrs: { type: 'submit', 'aria-describedby': warningId }, text: t('console.accounts.disableConfirm') });
    const cancelDisable = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.accounts.cancel') });
    const disableForm = el('form', { class: 'disable-form confirm', attrs: { hidden: true, id: uniqueId('disable-form') } },
      warning, el('div', { class: 'actions' }, confirmDisable, cancelDisable));
    disableToggle.setAttribute('aria-controls', disableForm.id);

    /** Opens one of the two forms (or none), and says so on the toggles. */
    function open(form) {
      resetForm.hidden = form !== resetForm;
      disableForm.hidden = form !== disableForm;
      resetToggle.setAttribute('aria-expanded', String(form === resetForm));
      disableToggle.setAttribute('aria-expanded', String(form === disableForm));
      if (form === resetForm) password.input.focus();
      if (form === disableForm) warning.focus();
    }
    function close(backTo) {
      open(null);
      password.clear();
      itemResult.clear();
      backTo.focus();
    }
    resetToggle.addEventListener('click', () => open(resetForm.hidden ? resetForm : null));
    disableToggle.addEventListener('click', () => open(disableForm.hidden ? disableForm : null));
    cancelReset.addEventListener('click', () => close(resetToggle));
    cancelDisable.addEventListener('click', () => close(disableToggle));
    resetForm.addEventListener('keydown', event => { if (event.key === 'Escape') close(resetToggle); });
    disableForm.addEventListener('keydown', event => { if (event.key === 'Escape') close(disableToggle); });

    resetForm.addEventListener('submit', event => {
      event.preventDefault();
      password.valid();
      const chosen = password.value();
      if (chosen.length < PASSWORD_MIN) {
        itemResult.error(t('console.accounts.passwordShort', { min: PASSWORD_MIN }));
        password.invalid(itemResult.errorId);
        password.input.focus();
        return;
      }
      busy(saveReset, async () => {
        try {
          const changed = await post(path(account.username, 'password'), { password: chosen });
          open(null);
          password.clear();
          onPasswordSet(changed, chosen);
        } catch (error) {
          itemResult.error(error.message);
          if (error.field === 'password') password.invalid(itemResult.errorId);
        }
      });
    });

    /** After disable/enable the item is drawn anew; the focus lands on its heading. */
    async function change(button, action, confirmation) {
      await busy(button, async () => {
        try {
          const changed = await post(path(account.username, action));
          const fresh = place(changed);
          result.ok(t(confirmation, { username: account.username }));
          fresh.heading.focus();
        } catch (error) {
          itemResult.error(error.message);
        }
      });
    }
    disableForm.addEventListener('submit', event => {
      event.preventDefault();
      change(confirmDisable, 'disable', 'console.accounts.disabledDone');
    });
    enable.addEventListener('click', () => change(enable, 'enable', 'console.accounts.enabledDone'));

    const node = el('li', { class: 'account-card', dataset: { account: account.username, disabled: String(Boolean(account.disabled)) } },
      heading, status, facts,
      el('div', { class: 'actions' }, resetToggle, disableToggle, enable),
      resetForm, disableForm, itemResult.node);
    return { node, heading, account };
  }

  accounts.forEach(place);
  return { node, heading, add: place };
}

function fact(term, value) {
  return el('div', {}, el('dt', { text: term }), el('dd', { text: value }));
}
