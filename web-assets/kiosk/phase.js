// The header: the phase title and prompt, the timer, and whether the session is paused or closed.
import { el, fill } from '../shared/dom.js';
import { ServerTime, formatRemaining, leftAt } from '../shared/phase-clock.js';

export class PhasePanel {
  constructor({ title, prompt, timer, state }, t) {
    Object.assign(this, { title, prompt, timer, state, t });
    this.time = new ServerTime();
    this.clock = null;
    this.interval = null;
  }

  reset() {
    this.render(null);
  }

  /** Every public event passes here: live ones tell the server's time (the clock is in the record). */
  observe(event, live) {
    if (live && event.at) this.time.sample(event.at);
  }

  render(record) {
    const session = record?.session;
    const phase = record?.phase;
    const state = record?.state || 'open';
    this.title.textContent = phase?.title || session?.title || this.t('app.name');
    this.prompt.textContent = phase?.prompt || '';
    document.title = session?.title ? this.t('kiosk.title', { title: session.title }) : this.t('kiosk.titleDefault');

    document.body.classList.toggle('closed-session', state === 'closed');
    this.state.className = `state ${state}`;
    this.state.textContent = state === 'locked' ? this.t('kiosk.state.locked')
      : state === 'closed' ? this.t('kiosk.state.closed') : '';

    this.clock = state === 'closed' ? null : record?.clock ?? null;
    this.tick();
  }

  /**
   * Shows the remaining time; the one-second interval runs only while the clock runs. A clock that
   * stands still (waiting for the facilitator, paused, or held by the lock) says so beside the time.
   */
  tick() {
    const clock = this.clock;
    if (!clock) {
      this.timer.hidden = true;
      this.stopTicking();
      return;
    }
    const left = leftAt(clock, this.time.now());
    const over = left <= 0;
    const time = over ? this.t('kiosk.timer.over') : formatRemaining(left);
    const note = clock.mode === 'running' ? '' : this.t(`kiosk.timer.${clock.mode}`);
    const label = this.t('kiosk.timer.label');
    const text = `${label}|${time}|${note}`; // the label too: the language may have changed
    if (this.shownText !== text) {
      this.shownText = text;
      fill(this.timer, el('span', { class: 'visually-hidden', text: `${label}: ` }), time,
        note ? el('span', { class: 'timer-note', text: ` · ${note}` }) : null);
    }
    this.timer.dataset.clock = clock.mode;
    this.timer.classList.toggle('over', over);
    this.timer.hidden = false;
    // Nothing changes while the clock stands still or once time is up, until the next event.
    if (over || clock.mode !== 'running') {
      this.stopTicking();
    } else if (!this.interval) {
      this.interval = setInterval(() => this.tick(), 1000);
    }
  }

  stopTicking() {
    clearInterval(this.interval);
    this.interval = null;
  }
}
