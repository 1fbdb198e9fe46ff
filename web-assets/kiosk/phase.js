// The header: the phase title and prompt, the timer, and whether the session is paused or closed.
import { el, fill } from '../shared/dom.js';
import { PhaseClock, formatRemaining } from './clock.js';

export class PhasePanel {
  constructor({ title, prompt, timer, state }, t) {
    Object.assign(this, { title, prompt, timer, state, t });
    this.clock = new PhaseClock();
    this.minutes = null;
    this.interval = null;
    this.closed = false;
  }

  reset() {
    this.clock.reset();
    this.render(null);
  }

  /** Every public event passes here: phase starts set the timer, live events calibrate the clock. */
  observe(event, live) {
    if (event.name === 'phase.started') this.clock.phaseStarted(event.at);
    if (live) this.clock.sample(event.at);
  }

  render(record) {
    const session = record?.session;
    const phase = record?.phase;
    const state = record?.state || 'open';
    this.title.textContent = phase?.title || session?.title || this.t('app.name');
    this.prompt.textContent = phase?.prompt || '';
    document.title = session?.title ? this.t('kiosk.title', { title: session.title }) : this.t('kiosk.titleDefault');

    this.closed = state === 'closed';
    document.body.classList.toggle('closed-session', this.closed);
    this.state.className = `state ${state}`;
    this.state.textContent = state === 'locked' ? this.t('kiosk.state.locked')
      : state === 'closed' ? this.t('kiosk.state.closed') : '';

    // The phase carries its suggested minutes; older records only have them in the phase list.
    this.minutes = phase?.minutes ?? session?.phases?.find(p => p.id === phase?.id)?.minutes ?? null;
    this.tick();
  }

  /** Shows the remaining time; the one-second interval runs only while there is a timer to show. */
  tick() {
    const left = this.closed ? null : this.clock.remaining(this.minutes);
    if (left === null) {
      this.timer.hidden = true;
      clearInterval(this.interval);
      this.interval = null;
      return;
    }
    const over = left <= 0;
    const text = over ? this.t('kiosk.timer.over') : formatRemaining(left);
    if (this.shownText !== text) {
      this.shownText = text;
      fill(this.timer, el('span', { class: 'visually-hidden', text: `${this.t('kiosk.timer.label')}: ` }), text);
    }
    this.timer.classList.toggle('over', over);
    this.timer.hidden = false;
    // Once time is up nothing changes until the next phase (render() starts it again).
    if (over) {
      clearInterval(this.interval);
      this.interval = null;
    } else if (!this.interval) {
      this.interval = setInterval(() => this.tick(), 1000);
    }
  }
}
