// A new account: its role first (a reader — the wethouder, a council member — is what the admin
// makes most), then name and password, and for a reader the municipalities whose sessions they
// may read. The server checks everything again; this form says the common mistakes first.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { post } from './api.js';
import { feedback } from './feedback.js';
import { busy, field } from './form.js';
import { PASSWORD_MIN, passwordField } from './password-field.js';
import { panel, uniqueId } from './view.js';

export const ROLES = ['reader', 'facilitator', 'admin'];
const USERNAME = /^[A-Za-z0-9._@-]{3,80}$/;
const MAX_MUNICIPALITIES = 20;
const MUNICIPALITY_MAX = 80;

/** "Utrecht, Zeist\nDe Bilt" → ["Utrecht", "Zeist", "De Bilt"]: commas or lines, no doubles (case ignored). */
export function parseMunicipalities(text) {
  const seen = new Set();
  const out = [];
  for (const part of text.split(/[,\n]/)) {
    const name = part.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/** @param onCreated (account, password) once the server made it → {node, heading} */
export function accountForm({ onCreated }) {
  const { node, heading } = panel(t('console.accounts.create.title'), 'account-create');
  const roles = roleChooser();
  const username = field({ label: t('console.accounts.username'), hint: t('console.accounts.usernameHint'), maxlength: 80, required: true, name: 'username', autocomplete: 'off' });
  username.input.setAttribute('autocapitalize', 'none');
  username.input.setAttribute('spellcheck', 'false');
  const password = passwordField({ label: t('console.accounts.password'), name: 'password' });
  const municipalities = field({ label: t('console.accounts.municipalities'), hint: t('console.accounts.municipalitiesHint'), multiline: true, name: 'municipalities' });
  municipalities.input.classList.add('short');
  const signature = field({ label: t('console.accounts.signature'), hint: t('console.accounts.signatureHint'), maxlength: 80, name: 'signature' });
  const result = feedback();
  const submit = el('button', { attrs: { type: 'submit' }, text: t('console.accounts.create.submit') });
  const form = el('form', { class: 'account-form', attrs: { novalidate: true } },
    roles.node, username.node, password.node, municipalities.node, signature.node, result.node,
    el('div', { class: 'actions' }, submit));
  const byName = { username, password, municipalities, signature };

  // Only a reader is scoped to municipalities; only readers and admins sign answers to knelpunten.
  function showFieldsFor(role) {
    municipalities.node.hidden = role !== 'reader';
    signature.node.hidden = role === 'facilitator';
  }
  roles.onChange(showFieldsFor);
  showFieldsFor(roles.value());

  /** The first mistake this form can see, as [field, message], or null. */
  function mistake(role, places) {
    if (!username.value()) return [username, t('console.accounts.usernameMissing')];
    if (!USERNAME.test(username.value())) return [username, t('console.accounts.usernameFormat')];
    if (password.value().length < PASSWORD_MIN) return [password, t('console.accounts.passwordShort', { min: PASSWORD_MIN })];
    if (role === 'reader' && places.length === 0) return [municipalities, t('console.accounts.municipalitiesMissing')];
    if (places.length > MAX_MUNICIPALITIES || places.some(p => p.length > MUNICIPALITY_MAX)) {
      return [municipalities, t('console.accounts.municipalitiesTooMany', { count: MAX_MUNICIPALITIES, length: MUNICIPALITY_MAX })];
    }
    return null;
  }

  function blame(target, message) {
    result.error(message);
    target.invalid(result.errorId);
    target.input.focus();
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Object.values(byName).forEach(f => f.valid());
    const role = roles.value();
    const places = role === 'reader' ? parseMunicipalities(municipalities.input.value) : [];
    const wrong = mistake(role, places);
    if (wrong) {
      blame(...wrong);
      return;
    }
    await busy(submit, async () => {
      try {
        const body = { username: username.value(), password: password.value(), role, municipalities: places };
        if (role !== 'facilitator' && signature.value()) body.signature = signature.value();
        const created = await post('/api/accounts', body);
        const chosen = password.value();
        result.clear();
        username.input.value = '';
        password.clear();
        municipalities.input.value = '';
        signature.input.value = '';
        onCreated(created, chosen);
      } catch (error) {
        const target = byName[error.field];
        if (target) blame(target, error.message);
        else result.error(error.message);
      }
    });
  });

  node.append(el('p', { class: 'hint', text: t('console.accounts.create.explain') }), form);
  return { node, heading };
}

/** The three roles as radios, each with what it may do; reader first and chosen. */
function roleChooser() {
  const name = uniqueId('role');
  const node = el('fieldset', { class: 'role-chooser' },
    el('legend', { text: t('console.accounts.role') }),
    ROLES.map((role, index) => {
      const id = uniqueId('role-option');
      return el('div', { class: 'role-option' },
        el('label', { class: 'check', attrs: { for: id } },
          el('input', { attrs: { type: 'radio', id, name, value: role, checked: index === 0, 'aria-describedby': `${id}-what` } }),
          el('span', { text: t(`console.accounts.role.${role}`) })),
        el('p', { class: 'role-what', attrs: { id: `${id}-what` }, text: t(`console.accounts.roleExplain.${role}`) }));
    }));
  return {
    node,
    value: () => node.querySelector(`input[name="${name}"]:checked`)?.value || 'reader',
    onChange: handler => node.addEventListener('change', () => handler(node.querySelector(`input[name="${name}"]:checked`)?.value)),
  };
}
