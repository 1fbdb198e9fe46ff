// The posts the facilitator hid, with the reason given, each with "Terugzetten": a hide undone
// is a post.restored in the record, and the post comes back on every screen with its
// recognitions. A withdrawn or erased post is not listed: its words went on request.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describePerson } from '../shared/record.js';
import { post as postJson } from './api.js';
import { feedback } from './feedback.js';
import { busy } from './form.js';
import { uniqueId } from './view.js';

/** → {node, update(record, state)}; onRestored(postId) lets the list take the post back. */
export function hiddenPosts(session, onRestored) {
  const headingId = uniqueId('hidden-heading');
  const heading = el('h3', { class: 'hidden-posts-heading', attrs: { id: headingId, tabindex: '-1' } });
  const result = feedback();
  const list = el('ul', { class: 'hidden-posts', attrs: { 'aria-labelledby': headingId } });
  const node = el('section', { class: 'hidden-posts-section', attrs: { hidden: true } }, heading, result.node, list);
  const items = new Map();

  function createItem(post) {
    const titleId = uniqueId('hidden-title');
    const title = el('p', { class: 'post-title', attrs: { id: titleId } });
    const reason = el('p', { class: 'post-reason' });
    const restore = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': titleId },
      dataset: { action: 'restore' }, text: t('console.posts.restore') });
    restore.addEventListener('click', () => busy(restore, async () => {
      try {
        await postJson(`/api/sessions/${encodeURIComponent(session.id)}/posts/${encodeURIComponent(post.id)}/restore`);
        onRestored(post.id);
        result.ok(t('console.posts.restored', { title: title.textContent }));
        heading.focus();
      } catch (error) {
        result.error(error.message);
      }
    }));
    return {
      // Not an li.post: the list of posts on the wall is those; this one is off it.
      node: el('li', { class: 'hidden-post', dataset: { hiddenPost: post.id } }, title, reason, el('div', { class: 'actions' }, restore)),
      update(current, state) {
        title.textContent = t('console.posts.hiddenItem', { kind: t(`kind.${current.kind}`), who: describePerson(t, current.author) });
        reason.textContent = t('console.posts.hiddenReason', { reason: current.removedReason || '' });
        restore.hidden = state === 'closed';
      },
    };
  }

  function update(record, state) {
    const hidden = [...record.posts.values()].filter(post => post.removed === 'hidden').sort((a, b) => b.seq - a.seq);
    const wanted = new Set(hidden.map(post => post.id));
    for (const [id, item] of items) if (!wanted.has(id)) { item.node.remove(); items.delete(id); }
    for (const post of hidden) {
      let item = items.get(post.id);
      if (!item) {
        item = createItem(post);
        items.set(post.id, item);
      }
      item.update(post, state);
      list.append(item.node); // in order; appending an item already in place keeps it there
    }
    heading.textContent = t('console.posts.hiddenTitle', { count: hidden.length });
    node.hidden = hidden.length === 0;
  }

  return { node, update };
}
