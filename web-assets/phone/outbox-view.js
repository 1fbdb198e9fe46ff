// Your posts that the server has not stored yet, shown on top of the wall with their state
// ("wacht op verbinding" / "wordt verstuurd") until the real post arrives. A post that is
// already on the wall is not shown here too: nobody sees their story twice.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { syncList } from './keyed.js';

export class OutboxView {
  constructor({ conn, me, onChange }) {
    this.conn = conn;
    this.me = me;
    this.list = document.getElementById('outbox-list');
    /** Acknowledged posts whose event has not arrived yet: item id → {item, seq}. */
    this.acked = new Map();
    conn.addEventListener('ack', event => {
      const { item, seq } = event.detail;
      if (item.type === 'post') this.acked.set(item.id, { item, seq });
      onChange();
    });
    conn.addEventListener('outbox', onChange);
    conn.addEventListener('status', onChange);
  }

  pendingPosts(record) {
    for (const [id, { seq }] of this.acked) if (seq <= this.conn.lastSeq) this.acked.delete(id);
    const waiting = [...this.conn.outbox.filter(item => item.type === 'post'), ...[...this.acked.values()].map(a => a.item)];
    // Each of my posts already on the wall accounts for one waiting copy with the same words.
    const onWall = [...record.posts.values()].filter(post => post.author?.id === this.me());
    return waiting.filter(item => {
      const index = onWall.findIndex(post => same(post, item.fields));
      if (index < 0) return true;
      onWall.splice(index, 1);
      return false;
    }).reverse();
  }

  render(record, filter) {
    const items = this.pendingPosts(record).filter(item => filter === 'all' || item.fields.kind === filter);
    const state = this.conn.ready ? 'sending' : 'waiting';
    syncList(this.list, items, item => item.id, item => card(item, state));
    for (const node of this.list.children) node.querySelector('.pending-state').textContent = t(`phone.outbox.${state}`);
  }
}

function same(post, fields) {
  return post.kind === fields.kind && (post.title || '') === (fields.title || '').trim()
    && (post.text || '') === (fields.text || '').trim();
}

function card(item, state) {
  const fields = item.fields;
  const node = el('li', { class: 'post pending', dataset: { kind: fields.kind } },
    el('p', { class: 'post-meta' },
      fields.title ? el('span', { class: 'kind-label', text: t(`kind.${fields.kind}`) }) : null,
      el('span', { class: 'pending-state', text: t(`phone.outbox.${state}`) })),
    el('h3', { class: 'post-title', text: fields.title || t(`phone.outbox.untitled.${fields.kind}`) }),
    el('p', { class: 'post-text', text: fields.text }));
  return { node, update() {} };
}
