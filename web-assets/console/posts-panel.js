// The live list of posts, newest first, with moderation per post: spotlight it on the kiosk, or
// hide it with a reason everybody will see. Items are kept by post id so a form being filled in
// survives new posts arriving.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describePerson, recognitionLabel } from '../shared/record.js';
import { post as postJson } from './api.js';
import { feedback } from './feedback.js';
import { busy, field } from './form.js';
import { disclosure, formatTime, panel, uniqueId } from './view.js';
import { hiddenPosts } from './hidden-posts.js';

/** → {node, update(record, {state}), setStatus(status)} */
export function postsPanel(session) {
  const { node, heading } = panel(t('console.posts.title'), 'posts-panel');
  const connection = el('p', { class: 'status', attrs: { role: 'status' }, dataset: { status: 'connecting' }, text: t('console.live.connecting') });
  const result = feedback();
  const summary = el('p', { class: 'posts-summary' });
  const empty = el('p', { class: 'posts-empty', text: t('console.posts.empty') });
  const list = el('ul', { class: 'posts' });
  const items = new Map();
  /** Posts this console hid: gone from the list at once, before the live event confirms it. */
  const dismissed = new Set();
  const phaseTitles = new Map((session.phases || []).map(phase => [phase.id, phase.title]));
  let sessionState = session.state;

  // A hide undone ("terugzetten") takes the post back into the list when its event arrives.
  const hiddenSection = hiddenPosts(session, postId => dismissed.delete(postId));
  node.append(connection, result.node, summary, empty, list, hiddenSection.node);

  function postPath(postId, action) {
    return `/api/sessions/${encodeURIComponent(session.id)}/posts/${encodeURIComponent(postId)}/${action}`;
  }

  function createItem(post) {
    const titleId = uniqueId('post-title');
    const itemResult = feedback();
    const title = el('h3', { class: 'post-title', attrs: { id: titleId } });
    const meta = el('p', { class: 'post-meta' });
    const text = el('p', { class: 'post-text' });
    const author = el('p', { class: 'post-author' });
    const recognitions = el('p', { class: 'post-recognitions' });
    const spotlightBadge = el('p', { class: 'spotlight-badge', attrs: { hidden: true } },
      el('span', { class: 'badge', text: t('console.posts.spotlighted') }));

    const spotlight = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': titleId }, dataset: { action: 'spotlight' }, text: t('console.posts.spotlight') });
    const hide = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': titleId }, dataset: { action: 'hide' }, text: t('console.posts.hide') });
    const actions = el('div', { class: 'actions' }, spotlight, hide);
    // Marking a telling story stays possible after closing: it feeds the half-year account.
    const telling = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-pressed': 'false', 'aria-describedby': titleId }, dataset: { action: 'telling' }, text: t('console.posts.telling') });
    let marked = false;

    const reason = field({ label: t('console.posts.reason'), hint: t('console.posts.reasonHint'), multiline: true, maxlength: 280, required: true, name: 'reason' });
    reason.input.classList.add('reason');
    const confirmHide = el('button', { class: 'danger', attrs: { type: 'submit', 'aria-describedby': titleId }, text: t('console.posts.hideConfirm') });
    const cancelHide = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.posts.hideCancel') });
    const hideForm = el('form', { class: 'hide-form', attrs: { novalidate: true, id: uniqueId('hide-form') } },
      reason.node, el('div', { class: 'actions' }, confirmHide, cancelHide));
    const hiding = disclosure(hide, hideForm, {
      focusOnOpen: reason.input,
      onClose: () => {
        reason.valid();
        itemResult.clear();
      },
    });

    spotlight.addEventListener('click', () => busy(spotlight, async () => {
      try {
        await postJson(postPath(post.id, 'spotlight'));
        itemResult.ok(t('console.posts.spotlightDone'));
      } catch (error) {
        itemResult.error(error.message);
      }
    }));
    telling.addEventListener('click', () => busy(telling, async () => {
      try {
        // What was asked, not what `marked` says by the time the reply is in: the room's event
        // may have updated the item first.
        const mark = !marked;
        await postJson(postPath(post.id, 'telling'), { telling: mark });
        itemResult.ok(t(mark ? 'console.posts.tellingOn' : 'console.posts.tellingOff'));
      } catch (error) {
        itemResult.error(error.message);
      }
    }));
    cancelHide.addEventListener('click', hiding.close);
    hideForm.addEventListener('submit', event => {
      event.preventDefault();
      reason.valid();
      if (!reason.value()) {
        itemResult.error(t('console.posts.reasonMissing'));
        reason.invalid(itemResult.errorId);
        reason.input.focus();
        return;
      }
      busy(confirmHide, async () => {
        try {
          await postJson(postPath(post.id, 'hide'), { reason: reason.value() });
          dismissed.add(post.id);
          removeItem(post.id);
          result.ok(t('console.posts.hidden', { title: title.textContent }));
          heading.focus(); // the post and its form are gone: land on the list's heading
        } catch (error) {
          itemResult.error(error.message);
          reason.invalid(itemResult.errorId);
        }
      });
    });

    const node = el('li', { class: 'post', dataset: { post: post.id } },
      meta, title, text, author, recognitions, spotlightBadge, actions, el('div', { class: 'actions' }, telling),
      hideForm, itemResult.node);

    return {
      node,
      update(current, spotlighted, state) {
        node.dataset.kind = current.kind;
        setText(title, current.title || t('console.posts.untitled', { kind: t(`kind.${current.kind}`) }));
        setText(meta, [t(`kind.${current.kind}`), phaseTitles.get(current.phase) || null, current.at ? formatTime(current.at) : null]
          .filter(Boolean).join(' · '));
        setText(text, current.text || '');
        setText(author, describePerson(t, current.author));
        setText(recognitions, recognitionLabel(t, current.recognitions.length));
        spotlightBadge.hidden = !spotlighted;
        marked = current.telling === true;
        telling.setAttribute('aria-pressed', String(marked));
        const closed = state === 'closed';
        actions.hidden = closed;
        if (closed) hiding.open(false);
      },
    };
  }

  function removeItem(id) {
    const item = items.get(id);
    if (!item) return;
    item.node.remove();
    items.delete(id);
  }

  function update(record, { state } = {}) {
    if (state) sessionState = state;
    const posts = record.visiblePosts().filter(post => !dismissed.has(post.id));
    const wanted = new Set(posts.map(post => post.id));
    for (const id of [...items.keys()]) if (!wanted.has(id)) removeItem(id);
    let previous = null;
    for (const post of posts) {
      let item = items.get(post.id);
      if (!item) {
        item = createItem(post);
        items.set(post.id, item);
      }
      item.update(post, record.spotlight === post.id, sessionState);
      const expected = previous ? previous.nextSibling : list.firstChild;
      if (item.node !== expected) list.insertBefore(item.node, expected);
      previous = item.node;
    }
    const removed = record.posts.size - posts.length;
    setText(summary, posts.length || removed
      ? t('console.posts.summary', { count: posts.length, removed })
      : '');
    empty.hidden = posts.length > 0;
    list.hidden = posts.length === 0;
    hiddenSection.update(record, sessionState);
  }

  function setStatus(status) {
    connection.dataset.status = status;
    setText(connection, t(`console.live.${status}`));
  }

  function showError(message) {
    result.error(message);
  }

  return { node, heading, update, setStatus, showError };
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
