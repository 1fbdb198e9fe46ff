// The kiosk: watches one session (read-only) and projects it. This module only wires the parts:
// the live connection feeds the record, and every change re-renders the panels, at most a few
// times a second. It runs unattended for a whole morning, so nothing here grows but the record.
import { languageButton, loadMessages, t } from '../shared/i18n.js';
import { LiveConnection } from '../shared/live.js';
import { SessionRecord } from '../shared/record.js';
import { FollowupsPanel } from './followups.js';
import { JoinPanel } from './join.js';
import { PhasePanel } from './phase.js';
import { Projector, viewOf } from './projector.js';
import { SettledMarker } from './settled.js';
import { showConnectionStatus } from './status.js';
import { TotalsPanel } from './totals.js';
import { Wall } from './wall.js';
import { ConnectionWeb } from './web.js';
import { WhoIsHere } from './who.js';

/** Gathers a burst of events (a room full of phones) into one render. */
const RENDER_DELAY_MS = 150;

const $ = id => document.getElementById(id);

await loadMessages('kiosk');
$('language').replaceWith(languageButton());

// The session id is in the path (/kiosk/{id}); the key only in the fragment, which the browser
// never sends in a request. It goes nowhere but into the watch message.
const sessionId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const key = new URLSearchParams(location.hash.slice(1)).get('key');

if (!sessionId || !key) {
  fail(t('kiosk.failure.link'));
} else {
  start(sessionId, key);
}

function start(session, kioskKey) {
  const record = new SessionRecord();
  const phase = new PhasePanel({ title: $('phase-title'), prompt: $('prompt'), timer: $('timer'), state: $('state') }, t);
  const join = new JoinPanel({ section: $('join'), qr: $('qr'), code: $('join-code'), url: $('join-url') }, t);
  const wall = new Wall({ wall: document.querySelector('.wall'), columns: $('columns'), list: $('posts'),
    barriers: $('barriers'), barriersColumn: $('barriers-column'), spotlight: $('spotlight'), pager: $('wall-pager'),
    empty: $('wall-empty'), announce: $('announce') }, t);
  const followups = new FollowupsPanel({ section: $('followups'), list: $('followups-list'), pager: $('wall-pager') }, t);
  const who = new WhoIsHere({ box: document.querySelector('.who'), heading: $('who-heading'), list: $('who-list') }, t);
  const web = new ConnectionWeb({ svg: $('web-svg'), canvas: $('web-canvas'), empty: $('web-empty'),
    heading: $('web-heading'), list: $('web-list') }, t);
  const projector = new Projector({ body: document.body, line: document.querySelector('.phase-line') }, t);
  const totals = new TotalsPanel(document.querySelector('.stage'), t);
  let frozenWall = null; // what a frozen wall was last drawn from

  const connection = new LiveConnection({
    storageKey: `dialoogtafel.kiosk.${session}`,
    hello: live => ({ type: 'watch', session, key: kioskKey, after: live.lastSeq }),
  });

  let renderTimer = null;
  const settled = new SettledMarker(document.body, () => renderTimer !== null || web.running
    || document.querySelector('#posts .post.fresh') !== null);
  const render = () => {
    renderTimer = null;
    // The facilitator's setting first: it decides what is on the page and how much room the wall has.
    const view = viewOf(record);
    projector.apply(view);
    wall.setOrder(view.order);
    phase.render(record);
    join.render(record.session);
    who.render(record);
    web.render(record);
    // Without the numbers the web keeps its heading, not its count.
    if (!view.counts) $('web-heading').textContent = t('kiosk.web.heading');
    totals.render(record, view.totals);
    if (view.totals) {
      wall.hide();
      followups.render(false);
    } else {
      // A frozen wall is drawn again only when the setting, the screen or the posts it shows change:
      // a withdrawn or hidden post still leaves at once.
      const shows = view.frozenAt === null ? null : [JSON.stringify(view), innerWidth, innerHeight,
        ...record.visiblePosts().filter(post => post.seq <= view.frozenAt).map(post => post.id)].join('|');
      if (shows === null || shows !== frozenWall) {
        // The wall last: it packs its pages into the room the header and who-is-here leave.
        // The earlier knelpunten fill the wall until the first story of this session arrives;
        // the invitation to post shows only when there is nothing else.
        const onWall = wall.render(record, !followups.available(), view);
        followups.render(!onWall);
      }
      frozenWall = shows;
    }
    settled.check();
  };
  const scheduleRender = () => {
    settled.unsettle();
    if (renderTimer === null) renderTimer = setTimeout(render, RENDER_DELAY_MS);
  };
  // The arrival highlight ends (the wall's own listener has taken the class off by then) or the
  // web's layout comes to rest: either may be the last thing moving. A resize moves the web too.
  $('posts').addEventListener('animationend', () => settled.check());
  web.watchMotion(moving => (moving ? settled.unsettle() : settled.check()));

  connection.addEventListener('reset', () => {
    frozenWall = null;
    record.reset();
    wall.reset();
    web.reset();
    who.reset();
    phase.reset();
  });
  connection.addEventListener('welcome', event => {
    wall.replaying();
    followups.receive(event.detail);
    record.describe(event.detail.session);
  });
  connection.addEventListener('snapshot', event => {
    record.load(event.detail);
  });
  connection.addEventListener('event', event => {
    // Events delivered while the connection is ready are live (their time calibrates the clock);
    // the others are a welcome's replay.
    phase.observe(event.detail, connection.ready);
    record.apply(event.detail);
  });
  connection.addEventListener('presence', event => {
    who.presence();
    record.setOnline(Array.isArray(event.detail.online) ? event.detail.online : []);
  });
  connection.addEventListener('failed', event => fail(t('kiosk.failure.refused', { message: event.detail.error.message })));
  record.addEventListener('change', scheduleRender);
  window.addEventListener('resize', scheduleRender);
  // A presenter's clicker sends PageDown/PageUp (or the arrows): it turns the wall's pages; P pauses.
  window.addEventListener('keydown', event => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest?.('button, input, textarea, select')) return;
    const rotation = followups.available() && !document.getElementById('followups').hidden ? followups.rotation : wall.rotation;
    const step = { PageDown: 1, ArrowRight: 1, ArrowDown: 1, PageUp: -1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      rotation.turn(step);
    } else if (event.key === 'p' || event.key === 'P') {
      rotation.togglePause();
    }
  });
  showConnectionStatus(connection, $('status'), $('status-text'), t);
  connection.start();
}

function fail(message) {
  const node = $('failure');
  node.textContent = message;
  node.hidden = false;
}
