// Who is here: every participant, the ones online now first, each with "Contact vragen"
// (with an optional note). Incoming requests are listed above them with Accept/Decline.
import { el, fill } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describePerson } from '../shared/record.js';
import { syncList } from './keyed.js';

const NOTE_MAX = 280;

export class PeopleView {
  constructor({ book, me }) {
    this.book = book;
    this.me = me;
    this.list = document.getElementById('people-list');
    this.empty = document.getElementById('people-empty');
    this.summary = document.getElementById('people-summary');
    this.error = document.getElementById('people-error');
    this.requests = document.getElementById('requests');
    this.requestList = document.getElementById('request-list');
    this.badge = document.getElementById('requests-badge');
  }

  render(record) {
    const me = this.me();
    const people = [...record.participants.values()].filter(person => person.id !== me);
    const online = person => record.online.has(person.id);
    people.sort((a, b) => (online(b) - online(a)) || sortName(a).localeCompare(sortName(b)));
    const items = people.map(person => ({ person, online: online(person) }));
    syncList(this.list, items, item => item.person.id, item => new PersonCard(item, this.book));
    this.empty.hidden = people.length > 0;
    const count = people.filter(online).length;
    this.summary.textContent = t(people.length === 1 ? 'phone.people.summaryOne' : 'phone.people.summary', { count: people.length, online: count });

    const open = this.book.openRequests();
    this.requests.hidden = open.length === 0;
    syncList(this.requestList, open, request => request.request, request => new RequestCard(request, this.book));
    const waiting = open.filter(request => !request.answer).length;
    this.badge.hidden = waiting === 0;
    this.badge.textContent = waiting ? t('phone.nav.requestsBadge', { count: waiting }) : '';

    this.error.hidden = !this.book.error;
    if (this.book.error && this.error.dataset.shown !== this.book.error) {
      this.error.dataset.shown = this.book.error;
      fill(this.error, el('p', { text: this.book.error }),
        el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('phone.rejected.close'),
          on: { click: () => this.book.clearError() } }));
    }
    if (!this.book.error) delete this.error.dataset.shown;
  }
}

function sortName(person) {
  return (person.name || person.organisation || '').toLocaleLowerCase();
}

class PersonCard {
  constructor({ person, online }, book) {
    this.book = book;
    this.person = person;
    this.open = false;
    this.note = '';
    this.presence = el('span', { class: 'presence' });
    this.actions = el('div', { class: 'actions' });
    this.node = el('li', { class: 'card person', dataset: { person: person.id } },
      el('p', { class: 'person-name' },
        el('strong', { text: person.name || t('phone.people.nameHidden') }), ' ', this.presence),
      el('p', { class: 'person-work', text: t('phone.people.work', { role: person.role, organisation: person.organisation }) }),
      this.actions);
    this.update({ person, online });
  }

  update({ person, online }) {
    this.person = person;
    const presence = online ? 'online' : 'away';
    if (this.presence.dataset.state !== presence) {
      this.presence.dataset.state = presence;
      this.presence.textContent = online ? t('phone.people.online') : '';
    }
    const relation = this.book.relation(person.id);
    const key = `${relation}|${this.open}`;
    if (key === this.key) return;
    this.key = key;
    const hadFocus = this.actions.contains(document.activeElement);
    fill(this.actions, this.actionParts(relation));
    if (hadFocus && !this.actions.contains(document.activeElement)) {
      (this.actions.querySelector('textarea, button:not([disabled])') || this.actions.querySelector('p') || this.node).focus();
    }
  }

  actionParts(relation) {
    const status = key => el('p', { class: 'relation', attrs: { tabindex: '-1' }, text: t(key) });
    switch (relation) {
      case 'exchanged': return [status('phone.people.exchanged')];
      case 'sending': return [status('phone.people.sending')];
      case 'pending': return [status('phone.people.pending')];
      case 'asks-me': return [status('phone.people.asksYou')];
      default:
        break;
    }
    const parts = [];
    if (relation === 'declined') parts.push(status('phone.people.declined'));
    if (!this.open) {
      parts.push(el('button', {
        class: 'secondary', attrs: { type: 'button' },
        text: t('phone.people.ask'), on: { click: () => this.setOpen(true) },
      }));
      return parts;
    }
    const noteId = `ask-note-${this.person.id}`;
    const area = el('textarea', { attrs: { id: noteId, maxlength: NOTE_MAX, rows: 2 },
      on: { input: () => { this.note = area.value; } } });
    area.value = this.note;
    parts.push(el('form', { class: 'inline-form', attrs: { novalidate: true },
      on: { submit: event => { event.preventDefault(); this.ask(area.value.trim()); } } },
      el('label', { attrs: { for: noteId } }, t('phone.people.noteLabel'), ' ',
        el('span', { class: 'hint', text: t('phone.compose.optional') })),
      area,
      el('div', { class: 'actions' },
        el('button', { attrs: { type: 'submit' }, text: t('phone.people.askSend') }),
        el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('phone.post.cancel'),
          on: { click: () => this.setOpen(false) } }))));
    return parts;
  }

  setOpen(open) {
    this.open = open;
    this.book.changed();
  }

  ask(note) {
    this.open = false;
    this.note = '';
    this.book.ask(this.person.id, note);
  }
}

class RequestCard {
  constructor(request, book) {
    this.book = book;
    this.actions = el('div', { class: 'actions' });
    this.node = el('li', { class: 'card request' },
      el('p', { text: t('phone.requests.from', { who: describePerson(t, request.from) }) }),
      request.note ? el('blockquote', { class: 'kept-text', text: request.note }) : null,
      this.actions);
    this.update(request);
  }

  update(request) {
    if (request.answer === this.answer && this.actions.firstChild) return;
    this.answer = request.answer;
    const hadFocus = this.actions.contains(document.activeElement);
    if (request.answer) {
      fill(this.actions, el('p', { class: 'relation', attrs: { tabindex: '-1' }, text: t(`phone.requests.${request.answer}`) }));
    } else {
      fill(this.actions,
        el('button', { attrs: { type: 'button' }, text: t('phone.requests.accept'), on: { click: () => this.book.answer(request, true) } }),
        el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('phone.requests.decline'),
          on: { click: () => this.book.answer(request, false) } }));
    }
    if (hadFocus) this.actions.querySelector('p, button')?.focus();
  }
}
