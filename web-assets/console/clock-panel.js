// The current phase's clock: how much time is left, and pause / resume, +5 minutes and restart.
// Each button asks POST /api/sessions/{id}/clock; the clock shown is the live record's, so the
// console shows what the kiosk and the phones show.
import { el, fill } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { ServerTime, formatRemaining, leftAt } from '../shared/phase-clock.js';
import { post } from './api.js';
import { feedback } from './feedback.js';
import { busy } from './form.js';
import { panel } from './view.js';

const EXTEND_MINUTES = 5;

/**
 * @param session the session from GET /api/sessions/{id}
 * @param connection the console's live connection: its live events tell the server's time
 * → {node, update(record, {state})}
 */
export function clockPanel(session, connection) {
  const { node, heading } = panel(t('console.clock.title'), 'clock-panel');
  const result = feedback();
  const time = new ServerTime();
  connection.addEventListener('event', event => {
    if (connection.ready && event.detail?.at) time.sample(event.detail.at);
  });

  // aria-live off: the time changes every second; the buttons' outcome is said in the feedback.
  const shown = el('p', { class: 'clock-time', attrs: { 'aria-live': 'off' } });
  const note = el('p', { class: 'clock-note' });
  const toggle = el('button', { class: 'primary clock-toggle', attrs: { type: 'button' } });
  const extend = el('button', { class: 'secondary clock-extend', attrs: { type: 'button' },
    text: t('console.clock.extend', { minutes: EXTEND_MINUTES }) });
  const restart = el('button', { class: 'secondary clock-restart', attrs: { type: 'button' }, text: t('console.clock.restart') });
  const actions = el('div', { class: 'actions' }, toggle, extend, restart);
  node.append(shown, note, actions, result.node);

  let clock = null;
  let interval = null;

  async function ask(action, body = {}) {
    try {
      await post(`/api/sessions/${encodeURIComponent(session.id)}/clock`, { action, ...body });
      result.ok(t(`console.clock.done.${action}`, { minutes: EXTEND_MINUTES }));
    } catch (error) {
      result.error(error.message);
    }
  }

  toggle.addEventListener('click', () => busy(toggle, () => ask(clock?.mode === 'running' ? 'pause' : 'resume')));
  extend.addEventListener('click', () => busy(extend, () => ask('extend', { minutes: EXTEND_MINUTES })));
  restart.addEventListener('click', () => busy(restart, () => ask('restart')));

  function tick() {
    if (!clock) return;
    const left = leftAt(clock, time.now());
    fill(shown, el('span', { class: 'visually-hidden', text: `${t('console.clock.left')}: ` }),
      left <= 0 ? t('console.clock.over') : formatRemaining(left));
    const ticking = clock.mode === 'running' && left > 0 && document.visibilityState === 'visible';
    if (ticking && !interval) interval = setInterval(tick, 1000);
    if (!ticking && interval) {
      clearInterval(interval);
      interval = null;
    }
  }
  document.addEventListener('visibilitychange', tick);

  function update(record, { state }) {
    clock = state === 'closed' ? null : record.clock;
    node.hidden = !clock;
    if (!clock) {
      clearInterval(interval);
      interval = null;
      return;
    }
    node.dataset.clock = clock.mode;
    const locked = state === 'locked';
    note.textContent = locked ? t('console.clock.locked') : t(`console.clock.mode.${clock.mode}`);
    toggle.textContent = clock.mode === 'running' ? t('console.clock.pause')
      : clock.mode === 'waiting' ? t('console.clock.start') : t('console.clock.resume');
    // The lock holds the clock; it runs on by itself at reopen.
    for (const button of [toggle, extend, restart]) button.hidden = locked;
    tick();
  }

  return { node, heading, update };
}
