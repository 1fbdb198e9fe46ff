// The session's state and the buttons that change it: pause (lock), reopen, and close — which is
// final, so it asks first.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { post } from './api.js';
import { feedback } from './feedback.js';
import { busy } from './form.js';
import { panel, uniqueId } from './view.js';

/** → {node, update({state})} */
export function statePanel(session, onChanged) {
  const { node, heading } = panel(t('console.state.title'), 'state-panel');
  const result = feedback();
  const badge = el('span', { class: 'badge' });
  const explanation = el('p', { class: 'state-explanation' });
  const lock = el('button', { attrs: { type: 'button' }, text: t('console.state.lock') });
  const reopen = el('button', { attrs: { type: 'button' }, text: t('console.state.reopen') });
  const close = el('button', { class: 'danger', attrs: { type: 'button', 'aria-expanded': 'false' }, text: t('console.state.close') });

  const confirmId = uniqueId('close-confirm');
  const confirmText = el('p', { attrs: { id: `${confirmId}-text`, tabindex: '-1' }, text: t('console.state.closeConfirm') });
  const confirmYes = el('button', { class: 'danger', attrs: { type: 'button', 'aria-describedby': `${confirmId}-text` }, text: t('console.state.closeYes') });
  const confirmNo = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.state.closeNo') });
  const confirm = el('div', { class: 'confirm', attrs: { id: confirmId, hidden: true, role: 'group', 'aria-labelledby': `${confirmId}-text` } },
    confirmText, el('div', { class: 'actions' }, confirmYes, confirmNo));
  close.setAttribute('aria-controls', confirmId);
  const buttons = el('div', { class: 'actions' }, lock, reopen, close);
  // Once closed, the record is in the archive: the facilitator goes there in one step.
  const record = el('a', { class: 'button record-link', attrs: { href: `/archief/${encodeURIComponent(session.id)}`, hidden: true },
    text: t('console.state.toRecord') });

  let state = session.state;
  const path = action => `/api/sessions/${encodeURIComponent(session.id)}/${action}`;

  async function act(button, action, newState, confirmation, focusAfter) {
    await busy(button, async () => {
      try {
        await post(path(action));
        showConfirm(false);
        update({ state: newState });
        result.ok(t(confirmation));
        focusAfter().focus();
        onChanged();
      } catch (error) {
        result.error(error.message);
      }
    });
  }

  function showConfirm(open) {
    confirm.hidden = !open;
    close.setAttribute('aria-expanded', String(open));
  }

  lock.addEventListener('click', () => act(lock, 'lock', 'locked', 'console.state.locked', () => reopen));
  reopen.addEventListener('click', () => act(reopen, 'reopen', 'open', 'console.state.reopened', () => lock));
  close.addEventListener('click', () => {
    showConfirm(true);
    confirmText.focus();
  });
  function cancel() {
    showConfirm(false);
    close.focus();
  }
  confirmNo.addEventListener('click', cancel);
  confirm.addEventListener('keydown', event => {
    if (event.key === 'Escape') cancel();
  });
  confirmYes.addEventListener('click', () => act(confirmYes, 'close', 'closed', 'console.state.closed', () => heading));

  function update(next) {
    state = next.state || state;
    badge.className = `badge state-${state}`;
    badge.textContent = t(`state.${state}`);
    explanation.textContent = t(`console.state.explain.${state}`);
    lock.hidden = state !== 'open';
    reopen.hidden = state !== 'locked';
    close.hidden = state === 'closed';
    if (state === 'closed') showConfirm(false);
    record.hidden = state !== 'closed';
  }

  node.append(el('p', { class: 'state-line' }, el('span', { text: t('console.state.label') }), ' ', badge),
    explanation, buttons, record, confirm, result.node);
  update({ state });
  return { node, heading, update };
}
