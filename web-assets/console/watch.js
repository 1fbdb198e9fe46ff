// The console watches its session live as the kiosk does (hello = watch with the kiosk key) and
// folds the events into a SessionRecord. Unlike a kiosk it stops watching when the view changes.
import { LiveConnection } from '../shared/live.js';
import { SessionRecord } from '../shared/record.js';

/** The kiosk key is the #key= fragment of the session's kiosk URL. */
export function kioskKey(kioskUrl) {
  const hash = new URL(kioskUrl, location.origin).hash.replace(/^#/, '');
  return new URLSearchParams(hash).get('key');
}

/** → {record, connection, stop()}; the connection dispatches status/failed as LiveConnection does. */
export function watchSession(sessionId, key) {
  const record = new SessionRecord();
  const connection = new LiveConnection({
    storageKey: `dialoogtafel.console.${sessionId}`,
    hello: live => ({ type: 'watch', session: sessionId, key, after: live.lastSeq }),
  });
  connection.addEventListener('reset', () => record.reset());
  connection.addEventListener('welcome', event => record.describe(event.detail.session));
  connection.addEventListener('snapshot', event => record.load(event.detail));
  connection.addEventListener('event', event => record.apply(event.detail));
  connection.addEventListener('presence', event => record.setOnline(event.detail.online || []));
  connection.start();
  return { record, connection, stop: () => connection.stop() };
}
