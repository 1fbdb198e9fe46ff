// "Wat er met jullie knelpunten gebeurde": what became of the knelpunten of earlier sessions.
// Shown at the start of a session (while the wall is still empty), only when the server sends
// the `followups` extension on `watching`; nothing at all otherwise. Every answer is shown
// whole: the items are paged like the wall's posts, a long answer split into parts.
import { el } from '../shared/dom.js';
import { currentLanguage } from '../shared/i18n.js';
import { PagedList } from './paged-list.js';
import { Rotation } from './rotation.js';

const MAX_ITEMS = 12;
/** Status words as the archive may spell them, mapped to our message keys. */
const STATUS = {
  erkend: 'acknowledged', acknowledged: 'acknowledged',
  'in behandeling': 'in_progress', in_behandeling: 'in_progress', in_progress: 'in_progress',
  opgelost: 'resolved', resolved: 'resolved',
  'niet haalbaar': 'not_feasible', niet_haalbaar: 'not_feasible', not_feasible: 'not_feasible',
};

export class FollowupsPanel {
  constructor({ section, list, pager }, t) {
    Object.assign(this, { section, list, t });
    this.items = [];
    this.paged = new PagedList(list, { maxPerPage: 4 });
    this.rotation = new Rotation(pager, t, { show: page => this.paged.draw(page), count: () => this.paged.pageCount });
  }

  /** From a watching message: keeps the last list the server sent (a resume may leave it out). */
  receive(message) {
    const followups = message?.followups ?? message?.session?.followups;
    if (Array.isArray(followups)) {
      this.items = followups.filter(item => item && typeof item === 'object' && item.knelpunt)
        .sort((a, b) => String(b.at || '').localeCompare(String(a.at || '')))
        .slice(0, MAX_ITEMS);
    }
  }

  available() {
    return this.items.length > 0;
  }

  /** Shows the panel when asked and there is something to show; returns whether it is shown. */
  render(show) {
    const visible = show && this.items.length > 0;
    const wasHidden = this.section.hidden;
    this.section.hidden = !visible;
    if (!visible) {
      this.rotation.stop();
      return false;
    }
    this.paged.setItems(this.items.map((item, index) => ({
      key: String(index), signature: currentLanguage(), text: text(item.answer),
      build: part => this.item(item, part),
    })));
    this.paged.layout();
    if (wasHidden) this.rotation.restart();
    this.rotation.draw();
    return true;
  }

  item({ knelpunt, session, status, answer, role }, part = null) {
    const key = STATUS[String(status || '').trim().toLowerCase()];
    const from = [text(session?.title), date(session?.date)].filter(Boolean).join(', ');
    const shown = part ? part.text : text(answer);
    return el('li', { class: 'followup' },
      el('p', { class: 'followup-title', text: text(knelpunt.title) || text(knelpunt.text) }),
      el('p', { class: 'followup-meta' },
        key ? el('span', { class: `followup-status ${key}`, text: this.t(`kiosk.followups.status.${key}`) }) : null,
        from,
        part ? el('span', { class: 'post-part', text: ` · ${this.t('kiosk.wall.part', { index: part.index, count: part.count })}` }) : null),
      shown ? el('p', { class: 'followup-answer', text: text(role) && (!part || part.index === 1)
        ? this.t('kiosk.followups.answer', { role: text(role), answer: shown }) : shown }) : null);
  }
}

function text(value) {
  return typeof value === 'string' ? value.trim() : '';
}

function date(value) {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return text(value);
  return new Intl.DateTimeFormat(currentLanguage(), { day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(time));
}
