// Pre-moderation (a protocol extension): the switch, and the posts that wait for the facilitator,
// oldest first, each with "Plaatsen" and "Niet plaatsen" (with a reason only the author sees).
// The queue is read over the API, every few seconds and after each action: the console's live
// socket watches with the kiosk key, which the projector holds too, so waiting words never go
// over it.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describePerson } from '../shared/record.js';
import { api, post as postJson } from './api.js';
import { feedback } from './feedback.js';
import { busy, field } from './form.js';
import { disclosure, panel, uniqueId } from './view.js';

const POLL_MS = 3000;

/** → {node, refresh(), dispose()} */
export function queuePanel(session) {
  const { node, heading } = panel(t('console.queue.title'), 'queue-panel');
  const result = feedback();
  const switchId = uniqueId('queue-switch');
  const toggle = el('input', { attrs: { type: 'checkbox', id: switchId } });
  const switchRow = el('p', { class: 'queue-switch' }, toggle, ' ',
    el('label', { attrs: { for: switchId }, text: t('console.queue.switch') }));
  const count = el('p', { class: 'queue-count', attrs: { role: 'status' } });
  const list = el('ul', { class: 'posts queue' });
  const items = new Map();
  const base = `/api/sessions/${encodeURIComponent(session.id)}`;
  let stopped = false;
  let state = session.state;

  node.append(switchRow, result.node, count, list);

  toggle.addEventListener('change', () => busy(toggle, async () => {
    const on = toggle.checked;
    try {
      await postJson(`${base}/moderation`, { queue: on });
      result.ok(t(on ? 'console.queue.on' : 'console.queue.off'));
    } catch (error) {
      toggle.checked = !on;
      result.error(error.message);
    }
    refresh();
  }));

  function createItem(waiting) {
    const titleId = uniqueId('queue-title');
    const itemResult = feedback();
    const approve = el('button', { attrs: { type: 'button', 'aria-describedby': titleId }, dataset: { action: 'approve' }, text: t('console.queue.approve') });
    const decline = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': titleId }, dataset: { action: 'decline' }, text: t('console.queue.decline') });
    const reason = field({ label: t('console.queue.reason'), hint: t('console.queue.reasonHint'), multiline: true, maxlength: 280, required: true, name: 'reason' });
    const confirm = el('button', { class: 'danger', attrs: { type: 'submit', 'aria-describedby': titleId }, text: t('console.queue.declineConfirm') });
    const cancel = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.posts.hideCancel') });
    const form = el('form', { class: 'decline-form', attrs: { novalidate: true, id: uniqueId('decline-form') } },
      reason.node, el('div', { class: 'actions' }, confirm, cancel));
    const declining = disclosure(decline, form, { focusOnOpen: reason.input, onClose: () => { reason.valid(); itemResult.clear(); } });
    cancel.addEventListener('click', declining.close);

    approve.addEventListener('click', () => busy(approve, async () => {
      try {
        await postJson(`${base}/queue/${encodeURIComponent(waiting.id)}/approve`);
        result.ok(t('console.queue.approved'));
        drop(waiting.id);
      } catch (error) {
        itemResult.error(error.message);
      }
      refresh();
    }));
    form.addEventListener('submit', event => {
      event.preventDefault();
      reason.valid();
      if (!reason.value()) {
        itemResult.error(t('console.posts.reasonMissing'));
        reason.invalid(itemResult.errorId);
        reason.input.focus();
        return;
      }
      busy(confirm, async () => {
        try {
          await postJson(`${base}/queue/${encodeURIComponent(waiting.id)}/decline`, { reason: reason.value() });
          result.ok(t('console.queue.declined'));
          drop(waiting.id);
        } catch (error) {
          itemResult.error(error.message);
        }
        refresh();
      });
    });

    const actions = el('div', { class: 'actions' }, approve, decline);
    const itemNode = el('li', { class: 'post', dataset: { post: waiting.id, kind: waiting.kind } },
      el('p', { class: 'post-meta', text: t(`kind.${waiting.kind}`) }),
      el('h3', { class: 'post-title', attrs: { id: titleId }, text: waiting.title || t('console.posts.untitled', { kind: t(`kind.${waiting.kind}`) }) }),
      el('p', { class: 'post-text', text: waiting.text || '' }),
      el('p', { class: 'post-author', text: describePerson(t, waiting.author) }),
      actions, form, itemResult.node);
    return { node: itemNode, actions };
  }

  function drop(id) {
    const item = items.get(id);
    if (item) {
      item.node.remove();
      items.delete(id);
    }
    heading.focus(); // the post and its buttons are gone: land on the panel's heading
  }

  function show(queue) {
    toggle.checked = queue.queue === true;
    toggle.disabled = state === 'closed';
    const waiting = queue.waiting || [];
    const wanted = new Set(waiting.map(w => w.id));
    for (const [id, item] of items) if (!wanted.has(id)) { item.node.remove(); items.delete(id); }
    for (const w of waiting) {
      let item = items.get(w.id);
      if (!item) {
        item = createItem(w);
        items.set(w.id, item);
      }
      item.actions.hidden = state === 'closed';
      list.append(item.node); // oldest first; appending an item already in place keeps it there
    }
    const text = waiting.length ? t('console.queue.count', { count: waiting.length, limit: queue.limit }) : t('console.queue.empty');
    if (count.textContent !== text) count.textContent = text;
    list.hidden = waiting.length === 0;
  }

  async function refresh() {
    if (stopped) return;
    try {
      show(await api(`${base}/queue`));
    } catch {
      // the list stays as it was; the next tick tries again
    }
  }

  const ticker = setInterval(refresh, POLL_MS);
  refresh();

  return {
    node,
    refresh,
    update(now) { state = now.state || state; },
    dispose() {
      stopped = true;
      clearInterval(ticker);
    },
  };
}
