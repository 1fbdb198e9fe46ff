// Writing a story or a knelpunt. The draft is saved on the device with every keystroke, so a
// reload, a dead battery or a lost connection never costs what was typed. Posting puts the
// message in the outbox (sent when the connection allows) and empties the composer.
import { el, fill } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { sessionStore } from './storage.js';

const TITLE_MAX = 120;
const TEXT_MAX = 4000;

export class Composer {
  constructor({ code, conn, announcer }) {
    this.conn = conn;
    this.announcer = announcer;
    this.draft = sessionStore(code, 'draft', null);
    this.form = document.getElementById('compose-form');
    this.closed = document.getElementById('compose-closed');
    this.kindsBox = document.getElementById('compose-kinds');
    this.kindOptions = document.getElementById('compose-kind-options');
    this.title = document.getElementById('compose-title');
    this.text = document.getElementById('compose-text');
    this.textLabel = document.getElementById('compose-text-label');
    this.textError = document.getElementById('compose-text-error');
    this.submitButton = document.getElementById('compose-submit');
    this.titleCount = document.getElementById('compose-title-count');
    this.textCount = document.getElementById('compose-text-count');
    this.kinds = null;
    this.kind = null;

    const saved = this.draft.get();
    if (saved) {
      this.title.value = saved.title || '';
      this.text.value = saved.text || '';
      this.kind = saved.kind || null;
    }
    this.title.addEventListener('input', () => this.changed());
    this.text.addEventListener('input', () => this.changed());
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.submit();
    });
    this.updateCounts();
  }

  /** Follows the phase: which kinds may be written now, or none (a phase for talking). */
  render(record) {
    const kinds = record.state === 'open' ? (record.phase?.kinds || []) : [];
    const key = `${record.state}|${kinds.join(',')}`;
    if (key === this.kinds) return;
    this.kinds = key;
    if (!kinds.includes(this.kind)) this.kind = kinds[0] || this.kind;
    const open = kinds.length > 0;
    this.form.hidden = !open;
    this.closed.hidden = open;
    if (!open) {
      const why = record.state === 'open' ? 'phone.compose.talkPhase' : `phone.compose.${record.state}`;
      const kept = this.hasDraft() ? ` ${t('phone.compose.draftWaits')}` : '';
      this.closed.textContent = t(why) + kept;
      return;
    }
    this.kindsBox.hidden = kinds.length < 2;
    fill(this.kindOptions, kinds.map(kind => this.kindOption(kind)));
    this.labelForKind();
  }

  kindOption(kind) {
    const input = el('input', {
      attrs: { type: 'radio', name: 'kind', value: kind, id: `compose-kind-${kind}`, checked: kind === this.kind },
      on: { change: () => { this.kind = kind; this.labelForKind(); this.save(); } },
    });
    return el('label', { class: 'check', attrs: { for: input.id } }, input, el('span', { text: t(`kind.${kind}`) }));
  }

  labelForKind() {
    this.textLabel.textContent = t(`phone.compose.text.${this.kind}`);
    this.submitButton.textContent = t(`phone.compose.submit.${this.kind}`);
  }

  hasDraft() {
    return Boolean(this.title.value.trim() || this.text.value.trim());
  }

  changed() {
    this.textError.hidden = true;
    this.text.removeAttribute('aria-invalid');
    this.updateCounts();
    this.save();
  }

  save() {
    this.draft.set(this.hasDraft() ? { kind: this.kind, title: this.title.value, text: this.text.value } : null);
  }

  updateCounts() {
    this.titleCount.textContent = t('phone.compose.count', { count: this.title.value.length, max: TITLE_MAX });
    this.textCount.textContent = t('phone.compose.count', { count: this.text.value.length, max: TEXT_MAX });
  }

  submit() {
    const title = this.title.value.trim();
    const text = this.text.value.trim();
    if (!text) {
      this.textError.textContent = t(`phone.compose.error.empty.${this.kind}`);
      this.textError.hidden = false;
      this.text.setAttribute('aria-invalid', 'true');
      this.text.focus();
      return;
    }
    this.conn.send('post', { kind: this.kind, title, text });
    this.title.value = '';
    this.text.value = '';
    this.draft.set(null);
    this.updateCounts();
    this.announcer.say(t(this.conn.ready ? 'phone.compose.sending' : 'phone.compose.queued'));
  }

  /** Puts a refused post back in the composer so it can be changed ("Aanpassen"). */
  load(fields) {
    if (fields.kind) this.kind = fields.kind;
    this.title.value = fields.title || '';
    this.text.value = fields.text || '';
    const radio = this.kindOptions.querySelector(`input[value="${this.kind}"]`);
    if (radio) radio.checked = true;
    if (!this.form.hidden) this.labelForKind();
    this.changed();
    if (!this.form.hidden) this.text.focus();
  }
}
