// One session, run live: how to join, the phases, the state, the numbers and the posts.
// The server's snapshot (GET /api/sessions/{id}) and the live record are merged by seq: whichever
// has seen more of the record says what the current phase and state are.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { api } from './api.js';
import { clockPanel } from './clock-panel.js';
import { countsPanel } from './counts-panel.js';
import { exportPanel } from './export-panel.js';
import { feedback } from './feedback.js';
import { harvestPanel } from './harvest-panel.js';
import { joinPanel } from './join-panel.js';
import { peoplePanel } from './people-panel.js';
import { phasesPanel } from './phases-panel.js';
import { postsPanel } from './posts-panel.js';
import { projectorPanel } from './projector-panel.js';
import { queuePanel } from './queue-panel.js';
import { statePanel } from './state-panel.js';
import { viewHeading } from './view.js';
import { kioskKey, watchSession } from './watch.js';

const REFRESH_AT_MOST_EVERY_MS = 2000;
const REFRESH_ANYWAY_EVERY_MS = 10000;

export async function sessionView({ notice }, id) {
  const path = `/api/sessions/${encodeURIComponent(id)}`;
  let snapshot;
  try {
    snapshot = await api(path);
  } catch (error) {
    return missingView(error);
  }

  const heading = viewHeading(snapshot.title);
  const arrival = feedback();
  // said once the view is on the page, so the status region announces it
  if (notice) setTimeout(() => arrival.ok(notice), 100);

  const subtitleState = el('span', { class: 'badge' });
  const counts = countsPanel();
  const refresher = throttledRefresh(async () => {
    try {
      snapshot = await api(path);
      counts.update(snapshot.counts);
      render();
    } catch {
      // the numbers stay as they were; the next live event or tick tries again
    }
  });
  const changed = () => refresher.request();

  const join = joinPanel(snapshot);
  const phases = phasesPanel(snapshot, changed);
  const state = statePanel(snapshot, changed);
  const posts = postsPanel(snapshot);
  const queue = queuePanel(snapshot);
  const harvest = harvestPanel(snapshot);
  const people = peoplePanel(snapshot);
  const projector = projectorPanel(snapshot);
  counts.update(snapshot.counts);

  const watch = watchSession(snapshot.id, kioskKey(snapshot.kioskUrl));
  watch.connection.addEventListener('status', event => posts.setStatus(event.detail.status));
  watch.connection.addEventListener('failed', event => posts.showError(event.detail.error.message));
  watch.connection.addEventListener('event', changed);
  watch.connection.addEventListener('presence', changed);
  watch.record.addEventListener('change', () => render());
  const clock = clockPanel(snapshot, watch.connection);

  /** The phase and state of whichever source has seen the later part of the record. */
  function current() {
    const live = watch.record;
    if (live.session && watch.connection.lastSeq >= (snapshot.seq || 0)) {
      return { phase: live.phase ? live.phase.id : snapshot.phase, state: live.state };
    }
    return { phase: snapshot.phase, state: snapshot.state };
  }

  function render() {
    const now = current();
    phases.update(now);
    clock.update(watch.record, now);
    state.update(now);
    posts.update(watch.record, now);
    queue.update(now);
    people.update(watch.record);
    projector.update(watch.record, watch.connection.lastSeq);
    subtitleState.textContent = t(`state.${now.state}`);
    subtitleState.className = `badge state-${now.state}`;
  }

  const ticker = setInterval(() => refresher.request(), REFRESH_ANYWAY_EVERY_MS);

  const node = el('div', { class: 'view session-view' },
    el('div', { class: 'session-head' },
      heading,
      el('p', { class: 'session-place' },
        el('span', { text: [snapshot.municipality, snapshot.community].filter(Boolean).join(' · ') }), ' ', subtitleState)),
    arrival.node,
    el('div', { class: 'session-grid' },
      el('div', { class: 'session-side' }, join.node, state.node, counts.node,
        projector.node, exportPanel(snapshot).node),
      el('div', { class: 'session-main' }, phases.node, clock.node, queue.node, posts.node, harvest.node, people.node)));
  render();

  return {
    node,
    heading,
    title: snapshot.title,
    dispose() {
      clearInterval(ticker);
      queue.dispose();
      refresher.cancel();
      watch.stop();
    },
  };
}

/**
 * Calls work() at most once per REFRESH_AT_MOST_EVERY_MS however often it is requested; a request
 * inside the window is served at its end. Never two at the same time.
 */
function throttledRefresh(work) {
  let last = 0;
  let timer = null;
  let running = false;
  let again = false;
  let cancelled = false;

  async function run() {
    timer = null;
    if (cancelled) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    last = Date.now();
    try {
      await work();
    } finally {
      running = false;
      if (again) {
        again = false;
        request();
      }
    }
  }

  function request() {
    if (cancelled || timer) return;
    const wait = Math.max(0, last + REFRESH_AT_MOST_EVERY_MS - Date.now());
    timer = setTimeout(run, wait);
  }

  return {
    request,
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

/** The session could not be loaded: say why and offer the way back. */
function missingView(error) {
  const heading = viewHeading(t('console.session.missing'));
  const result = feedback();
  result.error(error.message);
  const node = el('div', { class: 'view missing-view' },
    heading, result.node,
    el('p', {}, el('a', { class: 'button secondary', attrs: { href: '#/' }, text: t('console.session.back') })));
  return { node, heading, title: t('console.session.missing') };
}
