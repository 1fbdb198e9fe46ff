// What the server refused for good: shown with its own sentence and the words kept, so nothing
// typed is lost. The privacy guard's warning offers "Aanpassen" (back into the composer) or
// "Toch plaatsen" (send again with confirm) — but never for a BSN, which is refused every time.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { syncList } from './keyed.js';
import { sessionStore } from './storage.js';

const HANDLED = new Set(['post', 'recognize', 'withdraw']);

export class RejectedPanel {
  constructor({ code, conn, composer, announcer, onChange }) {
    this.conn = conn;
    this.composer = composer;
    this.announcer = announcer;
    this.onChange = onChange;
    this.store = sessionStore(code, 'rejected', []);
    this.list = el('ul', { class: 'rejected-list' });
    document.getElementById('rejected').append(this.list);
    conn.addEventListener('rejected', event => {
      const { item, error } = event.detail;
      if (!HANDLED.has(item.type)) return;
      this.store.set(this.store.get().filter(entry => entry.item.id !== item.id).concat({ item, error }));
      this.onChange();
    });
  }

  /** True when a confirmed send may still help: a privacy warning, not about a BSN, not yet confirmed. */
  static canConfirm({ item, error }) {
    return error.code === 'privacy' && !item.fields.confirm && !/\bBSN\b/.test(error.message || '');
  }

  render() {
    syncList(this.list, this.store.get(), entry => entry.item.id, entry => this.card(entry));
  }

  drop(entry) {
    this.store.set(this.store.get().filter(other => other.item.id !== entry.item.id));
    this.onChange();
  }

  card(entry) {
    const { item, error } = entry;
    const words = item.type === 'post'
      ? [item.fields.title, item.fields.text].filter(Boolean).join('\n')
      : item.fields.note || '';
    const buttons = [];
    if (item.type === 'post') {
      buttons.push(el('button', {
        attrs: { type: 'button' }, text: t('phone.rejected.edit'),
        on: { click: () => { this.drop(entry); this.composer.load(item.fields); } },
      }));
    }
    if (RejectedPanel.canConfirm(entry)) {
      buttons.push(el('button', {
        attrs: { type: 'button' }, class: 'secondary', text: t('phone.rejected.confirm'),
        on: { click: () => { this.drop(entry); this.conn.resend(item, { confirm: true }); this.announcer.say(t('phone.rejected.confirmed')); } },
      }));
    }
    if (item.type !== 'post' || !RejectedPanel.canConfirm(entry)) {
      buttons.push(el('button', {
        attrs: { type: 'button' }, class: 'secondary',
        text: t(item.type === 'post' ? 'phone.rejected.discard' : 'phone.rejected.close'),
        on: { click: () => this.drop(entry) },
      }));
    }
    const node = el('li', { class: `notice ${error.code === 'privacy' ? 'warn' : 'error'}`, attrs: { role: 'alert' } },
      el('p', { class: 'rejected-title', text: t(`phone.rejected.heading.${item.type}`) }),
      el('p', { text: error.message || t('error.generic') }),
      words ? el('blockquote', { class: 'kept-text', text: words }) : null,
      el('div', { class: 'actions' }, buttons));
    return { node, update() {} };
  }
}
