// Contact exchange as the phone remembers it: requests to you, your requests, and the cards
// you received. Private messages arrive once, so all of it is kept on the device per session.
import { t } from '../shared/i18n.js';
import { describePerson } from '../shared/record.js';
import { sessionStore } from './storage.js';

export class ContactBook extends EventTarget {
  constructor({ code, conn, announcer, sessionTitle }) {
    super();
    this.conn = conn;
    this.announcer = announcer;
    this.sessionTitle = sessionTitle;
    this.incomingStore = cached(sessionStore(code, 'incoming', []));
    this.askedStore = cached(sessionStore(code, 'asked', {}));
    this.cardStore = cached(sessionStore(code, 'contacts', []));
    this.error = null;
    conn.addEventListener('private', event => this.received(event.detail));
    conn.addEventListener('rejected', event => this.refused(event.detail));
    conn.addEventListener('ack', event => this.acknowledged(event.detail));
  }

  get incoming() { return this.incomingStore.get(); }
  get asked() { return { ...this.askedStore.get() }; }
  get cards() { return this.cardStore.get(); }

  changed() {
    this.dispatchEvent(new Event('change'));
  }

  /** Requests to me still waiting for my answer (or on their way). */
  openRequests() {
    return this.incoming.filter(request => request.answer !== 'accepted' && request.answer !== 'declined');
  }

  /** How things stand with one person: exchanged, asked, asks-me, sending, or null. */
  relation(participantId) {
    if (this.cards.some(card => card.with.id === participantId)) return 'exchanged';
    if (this.conn.outbox.some(item => item.type === 'contact.request' && item.fields.to === participantId)) return 'sending';
    if (this.openRequests().some(request => request.from.id === participantId)) return 'asks-me';
    const asked = this.askedStore.get()[participantId];
    return asked ? asked.state : null;
  }

  clearError() {
    this.error = null;
    this.changed();
  }

  ask(to, note) {
    this.error = null;
    const fields = { to };
    if (note) fields.note = note;
    this.conn.send('contact.request', fields);
    this.setAsked(to, 'pending');
  }

  answer(request, accept) {
    this.error = null;
    this.conn.send(accept ? 'contact.accept' : 'contact.decline', { request: request.request });
    this.updateIncoming(request.request, { answer: accept ? 'accepting' : 'declining' });
  }

  setAsked(id, state) {
    const asked = this.asked;
    if (state) asked[id] = { state };
    else delete asked[id];
    this.askedStore.set(asked);
    this.changed();
  }

  updateIncoming(requestId, change) {
    this.incomingStore.set(this.incoming.map(r => (r.request === requestId ? { ...r, ...change } : r)));
    this.changed();
  }

  received(message) {
    const data = message.data || {};
    if (message.name === 'contact.requested') {
      if (this.incoming.some(r => r.request === data.request)) return;
      this.incomingStore.set(this.incoming.concat({ request: data.request, from: data.from, note: data.note || '', answer: null }));
      this.announcer.say(t('phone.requests.announce', { who: describePerson(t, data.from) }));
      this.changed();
    } else if (message.name === 'contact.exchanged') {
      const other = data.with;
      if (!this.cards.some(card => card.with.id === other.id)) {
        this.cardStore.set(this.cards.concat({ request: data.request, with: other, session: this.sessionTitle(), at: new Date().toISOString() }));
        this.announcer.say(t('phone.contacts.announce', { who: describePerson(t, other) }));
      }
      if (this.incoming.some(r => r.request === data.request)) this.updateIncoming(data.request, { answer: 'accepted' });
      this.setAsked(other.id, 'exchanged');
    } else if (message.name === 'contact.declined') {
      // The message names only the request, which we never learnt for our own requests; with one
      // request waiting, it must be that one.
      const waiting = Object.entries(this.asked).filter(([, value]) => value.state === 'pending');
      if (waiting.length === 1) this.setAsked(waiting[0][0], 'declined');
      this.announcer.say(t('phone.people.declinedAnnounce'));
      this.changed();
    }
  }

  acknowledged({ item }) {
    if (item.type === 'contact.decline') this.updateIncoming(item.fields.request, { answer: 'declined' });
    if (item.type.startsWith('contact.')) this.changed();
  }

  refused({ item, error }) {
    if (!item.type.startsWith('contact.')) return;
    if (item.type === 'contact.request') this.setAsked(item.fields.to, null);
    else this.updateIncoming(item.fields.request, { answer: null });
    this.error = error.message || t('error.generic');
    this.changed();
  }
}

/** Reads the device once and writes every change through: rendering 150 people reads memory, not storage. */
function cached(store) {
  let value = store.get();
  return {
    get: () => value,
    set: next => {
      value = next;
      store.set(next);
    },
  };
}
