// One post on the wall: its words, who wrote it, who recognised it, and what you can do with it
// ("Herken ik" with an optional note; "Intrekken" for your own). Parts are rebuilt only when
// they change, so a note being typed is never thrown away by someone else's recognition.
import { el, fill } from '../shared/dom.js';
import { t, currentLanguage } from '../shared/i18n.js';
import { describePerson, recognitionLabel } from '../shared/record.js';

const NOTE_MAX = 280;

export class PostCard {
  /** ctx: {conn, me(), announcer, state()} */
  constructor(post, ctx) {
    this.ctx = ctx;
    this.id = post.id;
    this.mode = 'idle'; // idle | recognising | confirming-withdraw
    this.note = '';
    this.heading = el('h3', { class: 'post-title', attrs: { tabindex: '-1' } });
    this.recognitions = el('div', { class: 'recognitions' });
    this.actions = el('div', { class: 'actions' });
    this.node = el('li', { class: 'post', dataset: { kind: post.kind } },
      el('p', { class: 'post-meta' },
        post.title ? el('span', { class: 'kind-label', text: t(`kind.${post.kind}`) }) : null,
        post.at ? el('span', { class: 'post-time', text: time(post.at) }) : null),
      this.heading,
      el('p', { class: 'post-text', text: post.text }),
      el('p', { class: 'post-author', text: this.author(post) }),
      this.recognitions,
      this.actions);
    // Without a title the heading says what it is and whose it is, so heading navigation stays useful.
    this.heading.textContent = post.title || t(`phone.post.untitled.${post.kind}`, { who: shortName(post.author) });
    this.update(post);
  }

  author(post) {
    const who = describePerson(t, post.author);
    return post.author?.id === this.ctx.me() ? t('phone.post.byYou', { who }) : who;
  }

  update(post) {
    this.post = post;
    const recognitionKey = post.recognitions.length;
    if (recognitionKey !== this.recognitionKey) {
      this.recognitionKey = recognitionKey;
      this.renderRecognitions(post);
    }
    const state = this.state(post);
    const actionKey = `${state}|${this.mode}`;
    if (actionKey !== this.actionKey) {
      this.actionKey = actionKey;
      const hadFocus = this.actions.contains(document.activeElement);
      this.renderActions(state);
      if (hadFocus && !this.actions.contains(document.activeElement)) this.focusAfterRender();
    }
  }

  /** What this person may do with the post now. */
  state(post) {
    const me = this.ctx.me();
    const outbox = this.ctx.conn.outbox;
    if (post.author?.id === me) {
      return outbox.some(item => item.type === 'withdraw' && item.fields.post === post.id) ? 'withdrawing' : 'own';
    }
    if (post.recognitions.some(r => r.by?.id === me)) return 'recognised';
    if (outbox.some(item => item.type === 'recognize' && item.fields.post === post.id)) return 'recognising-sent';
    return this.ctx.state() === 'open' ? 'can-recognise' : 'quiet'; // locked or closed: nothing to add
  }

  renderRecognitions(post) {
    const notes = post.recognitions.filter(r => r.note);
    fill(this.recognitions,
      el('p', { class: 'recognition-count', text: recognitionLabel(t, post.recognitions.length) }),
      notes.length ? el('ul', { class: 'notes' }, notes.map(r => el('li', {},
        el('q', { text: r.note }), ' ', el('span', { class: 'note-by', text: `— ${describePerson(t, r.by)}` })))) : null);
  }

  renderActions(state) {
    const button = (key, onClick, props = {}) => el('button', {
      class: props.class, attrs: { type: 'button' }, text: t(key), on: { click: onClick },
    });
    const parts = [];
    if (state === 'own' && this.mode === 'confirming-withdraw') {
      parts.push(el('div', { class: 'confirm', attrs: { role: 'group', 'aria-labelledby': `withdraw-q-${this.id}` } },
        el('p', { attrs: { id: `withdraw-q-${this.id}` }, text: t(`phone.post.withdrawQuestion.${this.post.kind}`) }),
        el('div', { class: 'actions' },
          button('phone.post.withdrawYes', () => this.withdraw(), { class: 'danger' }),
          button('phone.post.withdrawNo', () => this.setMode('idle'), { class: 'secondary' }))));
    } else if (state === 'own') {
      parts.push(button('phone.post.withdraw', () => this.setMode('confirming-withdraw'), { class: 'secondary' }));
    } else if (state === 'withdrawing') {
      parts.push(el('p', { class: 'pending-state', text: t('phone.post.withdrawing') }));
    } else if (state === 'recognised' || state === 'recognising-sent') {
      const label = t(state === 'recognised' ? 'phone.post.recognised' : 'phone.post.recognisedSending');
      parts.push(el('button', { class: 'secondary', attrs: { type: 'button', disabled: true }, text: label }));
    } else if (state === 'quiet') {
      // no actions while the session is locked or closed
    } else if (this.mode === 'recognising') {
      parts.push(this.recogniseForm());
    } else {
      parts.push(button('phone.post.recognise', () => this.setMode('recognising'), { class: 'secondary' }));
    }
    fill(this.actions, parts);
  }

  recogniseForm() {
    const noteId = `note-${this.id}`;
    const countId = `note-count-${this.id}`;
    const count = el('p', { class: 'count', attrs: { id: countId } });
    const showCount = () => { count.textContent = t('phone.compose.count', { count: area.value.length, max: NOTE_MAX }); };
    const area = el('textarea', {
      attrs: { id: noteId, maxlength: NOTE_MAX, rows: 3, 'aria-describedby': countId },
      on: { input: () => { this.note = area.value; showCount(); } },
    });
    area.value = this.note;
    showCount();
    const form = el('form', { class: 'inline-form', attrs: { novalidate: true },
      on: { submit: event => { event.preventDefault(); this.recognise(area.value.trim()); } } },
      el('label', { attrs: { for: noteId } }, t('phone.post.noteLabel'), ' ',
        el('span', { class: 'hint', text: t('phone.compose.optional') })),
      area, count,
      el('div', { class: 'actions' },
        el('button', { attrs: { type: 'submit' }, text: t('phone.post.recogniseSend') }),
        el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('phone.post.cancel'),
          on: { click: () => this.setMode('idle') } })));
    queueMicrotask(() => area.isConnected && area.focus());
    return form;
  }

  setMode(mode) {
    this.mode = mode;
    this.update(this.post);
    // Asking "are you sure?" puts the focus on "no": a double tap never withdraws by accident.
    if (mode === 'confirming-withdraw') this.actions.querySelector('button.secondary')?.focus();
    if (mode === 'idle') this.actions.querySelector('button')?.focus();
  }

  recognise(note) {
    const fields = { post: this.id };
    if (note) fields.note = note;
    this.ctx.conn.send('recognize', fields);
    this.note = '';
    this.mode = 'idle';
    this.update(this.post);
    this.ctx.announcer.say(t('phone.post.recognisedAnnounce'));
  }

  withdraw() {
    this.ctx.conn.send('withdraw', { post: this.id });
    this.mode = 'idle';
    this.update(this.post);
    this.ctx.announcer.say(t('phone.post.withdrawAnnounce'));
  }

  /** The focused button disappeared: keep the keyboard user at this post. */
  focusAfterRender() {
    (this.actions.querySelector('button:not([disabled]), textarea') || this.heading).focus();
  }
}

function shortName(person) {
  return person?.name || person?.organisation || t('person.anonymous');
}

function time(iso) {
  try {
    return new Date(iso).toLocaleTimeString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit' });
  } catch {
    return '';
  }
}
