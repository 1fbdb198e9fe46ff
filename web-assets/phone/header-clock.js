// The phase's remaining time in the phone's header, from the record's clock (protocol extension
// `phase.clock`). Quiet on purpose: aria-live off, so a screen reader is not told every second;
// the text changes once a second only while the clock runs and the page is visible.
import { t } from '../shared/i18n.js';
import { el, fill } from '../shared/dom.js';
import { ServerTime, formatRemaining, leftAt } from '../shared/phase-clock.js';

export class HeaderClock {
  constructor(node) {
    this.node = node;
    this.node.setAttribute('aria-live', 'off');
    this.time = new ServerTime();
    this.clock = null;
    this.interval = null;
    document.addEventListener('visibilitychange', () => this.tick());
  }

  /** A live event was just delivered: its `at` tells the server's time. */
  sample(at) {
    this.time.sample(at);
  }

  render(record) {
    this.clock = record.state === 'closed' ? null : record.clock;
    this.tick();
  }

  tick() {
    const clock = this.clock;
    if (!clock) {
      this.node.hidden = true;
      this.stop();
      return;
    }
    const left = leftAt(clock, this.time.now());
    const over = left <= 0;
    const time = over ? t('phone.clock.over') : formatRemaining(left);
    const note = clock.mode === 'running' ? '' : ` · ${t(`phone.clock.${clock.mode}`)}`;
    const text = time + note;
    const label = t('phone.clock.label');
    if (this.shown !== label + text) { // the label too: the language may have changed
      this.shown = label + text;
      fill(this.node, el('span', { class: 'visually-hidden', text: `${label}: ` }), text);
    }
    this.node.dataset.clock = clock.mode;
    this.node.hidden = false;
    if (clock.mode === 'running' && !over && document.visibilityState === 'visible') {
      if (!this.interval) this.interval = setInterval(() => this.tick(), 1000);
    } else {
      this.stop();
    }
  }

  stop() {
    clearInterval(this.interval);
    this.interval = null;
  }
}
