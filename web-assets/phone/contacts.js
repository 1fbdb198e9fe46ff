// "Mijn contacten": the cards received through a mutual exchange, kept on the device, each with
// tel:/mailto: links and a vCard; one file with all of them for the whole address book at once.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { syncList } from './keyed.js';
import { download } from './download.js';
import { vcard, fileName, telUri } from './vcard.js';

export class ContactsView {
  constructor({ book }) {
    this.book = book;
    this.list = document.getElementById('contact-list');
    this.empty = document.getElementById('contacts-empty');
    this.all = document.getElementById('contacts-all');
    this.badge = document.getElementById('contacts-badge');
    this.all.addEventListener('click', () => {
      const cards = this.book.cards.map(card => cardText(card)).join('');
      download(t('phone.contacts.allFile'), cards);
    });
  }

  render() {
    const cards = this.book.cards;
    syncList(this.list, cards, card => card.with.id, card => contactCard(card));
    this.empty.hidden = cards.length > 0;
    this.all.hidden = cards.length < 2;
    this.badge.hidden = cards.length === 0;
    this.badge.textContent = cards.length ? t('phone.nav.contactsBadge', { count: cards.length }) : '';
  }
}

function displayName(person) {
  return person.name || t('person.describeAnonymous', { role: person.role, organisation: person.organisation });
}

function cardText(card) {
  return vcard(card.with, card.session ? t('phone.contacts.metAt', { title: card.session }) : '', displayName(card.with));
}

function contactCard(card) {
  const person = card.with;
  const name = displayName(person);
  const details = el('ul', { class: 'contact-details' },
    el('li', { text: t('phone.people.work', { role: person.role, organisation: person.organisation }) }),
    person.phone ? el('li', {}, el('a', { attrs: { href: telUri(person.phone) }, text: person.phone })) : null,
    person.email ? el('li', {}, el('a', { attrs: { href: `mailto:${person.email}` }, text: person.email })) : null,
    !person.phone && !person.email ? el('li', { class: 'hint', text: t('phone.contacts.noDetails') }) : null);
  const save = el('button', {
    class: 'secondary', attrs: { type: 'button' },
    on: { click: () => download(fileName(person.name, 'contact'), cardText(card)) },
  }, t('phone.contacts.download'), el('span', { class: 'visually-hidden', text: ` ${name}` }));
  const node = el('li', { class: 'card contact' }, el('h3', { text: name }), details, el('div', { class: 'actions' }, save));
  return { node, update() {} };
}
