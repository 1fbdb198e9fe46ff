// What the facilitator has the projector show (protocol extension kiosk.view), applied to the page:
// the join panel, the numbers, the theme, a "bevroren" mark, and the closing totals in place of the
// stage. The setting arrives folded in the record (record.kioskView), so a kiosk that reconnects or
// opens late shows the same as the others.
import { el } from '../shared/dom.js';

/** What a kiosk shows before the facilitator says otherwise (as the server's default). */
export const DEFAULT_VIEW = Object.freeze({
  join: true, counts: true, frozen: false, post: null, theme: 'light', order: 'newest', totals: false, frozenAt: null,
});

/** The record's view with every field present. */
export function viewOf(record) {
  return { ...DEFAULT_VIEW, ...(record.kioskView || {}) };
}

export class Projector {
  /** `line`: the header line the frozen mark goes into. */
  constructor({ body, line }, t) {
    Object.assign(this, { body, t });
    this.frozenMark = el('p', { class: 'frozen-mark', text: t('kiosk.view.frozen'), attrs: { hidden: true } });
    line.append(this.frozenMark);
  }

  /** Sets the page's classes for `view`. */
  apply(view) {
    const body = this.body;
    body.classList.toggle('theme-dark', view.theme === 'dark');
    body.classList.toggle('no-join', !view.join);
    body.classList.toggle('no-counts', !view.counts);
    body.classList.toggle('showing-totals', Boolean(view.totals));
    this.frozenMark.hidden = !view.frozen || Boolean(view.totals);
  }
}
