// Your posts that wait for the facilitator (pre-moderation, a protocol extension): "wacht op de
// gespreksleider" with "Intrekken", or "niet geplaatst" with the facilitator's reason. They come
// as private messages (post.queued, post.declined, post.unqueued), only to you; a post that is
// let through arrives as post.added like any other and leaves this list. Kept by post id, so a
// message sent again after a reconnect shows once.
import { el, fill } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { syncList } from './keyed.js';

export class WaitingPosts {
  constructor({ conn, announcer, onChange }) {
    this.conn = conn;
    this.posts = new Map(); // id → {post, status: 'waiting'|'declined'|'withdrawing', reason}
    this.dismissed = new Set();
    this.onChange = onChange;
    this.list = el('ul', { class: 'posts waiting-list', attrs: { 'aria-label': t('phone.waiting.listLabel') } });
    document.getElementById('post-list').before(this.list);
    conn.addEventListener('private', event => this.received(event.detail, announcer));
    conn.addEventListener('event', event => {
      // Let through: it is on the wall now.
      if (event.detail.name === 'post.added' && this.posts.delete(event.detail.data.post.id)) onChange();
    });
  }

  received(message, announcer) {
    const data = message.data || {};
    if (message.name === 'post.queued') {
      const known = this.posts.get(data.post.id);
      if (!known) announcer.say(t('phone.waiting.announce'));
      if (!known || known.status !== 'declined') this.posts.set(data.post.id, { post: data.post, status: 'waiting' });
    } else if (message.name === 'post.declined') {
      const known = this.posts.get(data.post);
      if (known?.status !== 'declined' && !this.dismissed.has(data.post)) {
        announcer.say(t('phone.waiting.declinedAnnounce', { reason: data.reason || '' }));
      }
      if (!this.dismissed.has(data.post)) {
        this.posts.set(data.post, { post: known?.post || { id: data.post }, status: 'declined', reason: data.reason });
      }
    } else if (message.name === 'post.unqueued') {
      this.posts.delete(data.post);
    } else {
      return;
    }
    this.onChange();
  }

  render(filter) {
    const items = [...this.posts.values()].filter(item => filter === 'all' || !item.post.kind || item.post.kind === filter);
    syncList(this.list, items, item => `${item.status}:${item.post.id}`, item => this.card(item));
    this.list.hidden = items.length === 0;
  }

  card(item) {
    const { post, status } = item;
    const actions = el('div', { class: 'actions' });
    const kind = post.kind || 'story';
    const node = el('li', { class: `post waiting-post ${status}`, dataset: { kind, post: post.id } },
      el('p', { class: 'post-state', text: status === 'declined' ? t('phone.waiting.declined') : t('phone.waiting.waiting') }),
      el('h3', { class: 'post-title', attrs: { tabindex: '-1' }, text: post.title || t(`phone.post.hiddenTitle.${kind}`) }),
      post.text ? el('p', { class: 'post-text', text: post.text }) : null,
      status === 'declined' ? el('p', { class: 'post-reason', text: t('phone.post.hiddenReason', { reason: item.reason || '' }) }) : null,
      actions);
    if (status === 'waiting') {
      fill(actions, el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('phone.post.withdraw'),
        on: { click: () => this.withdraw(post.id, actions) } }));
    } else {
      fill(actions, el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('phone.waiting.dismiss'),
        on: { click: () => { this.dismissed.add(post.id); this.posts.delete(post.id); this.onChange(); } } }));
    }
    return { node, update() {} };
  }

  withdraw(postId, actions) {
    this.conn.send('withdraw', { post: postId });
    fill(actions, el('p', { class: 'pending-state', text: t('phone.post.withdrawing') }));
  }
}
