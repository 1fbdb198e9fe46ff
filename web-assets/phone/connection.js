// Opens the live connection for one session code: it resumes with the stored token when there
// is one (reload, reconnect), otherwise it joins once with the form's message.
import { LiveConnection } from '../shared/live.js';
import { newId } from '../shared/dom.js';
import { membership, sessionKey } from './storage.js';

/** Errors on the hello after which trying again later may work. */
const TRY_LATER = new Set(['unavailable', 'rate_limited']);

export function connectTo(code, join, { onWelcome, onForgotten, onJoinRefused, onTrouble }) {
  // One id for this join however often it is sent: a join whose welcome was lost finds the same person.
  let pendingJoin = join && { ...join, id: join.id || newId() };
  let lastHello = null;
  const conn = new LiveConnection({
    storageKey: sessionKey(code),
    hello: connection => {
      const member = membership.get(code);
      if (member && member.token) {
        lastHello = { type: 'resume', token: member.token, after: connection.lastSeq };
        if (connection.epoch) lastHello.epoch = connection.epoch;
      } else {
        lastHello = pendingJoin;
      }
      return lastHello;
    },
  });

  conn.addEventListener('welcome', event => {
    const welcome = event.detail;
    membership.set(code, { token: welcome.token, participantId: welcome.participant.id, sessionId: welcome.session.id });
    pendingJoin = null; // joined: from now on every reconnect resumes
    onWelcome(welcome);
  });

  conn.addEventListener('failed', event => {
    const error = event.detail.error;
    if (lastHello && lastHello.type === 'resume') {
      if (error.code === 'forbidden') {
        // The server no longer knows this token: forget it and ask who you are again.
        membership.forget(code);
        stop(conn);
        onForgotten(error);
      } else if (TRY_LATER.has(error.code)) {
        conn.socket?.close(); // the back-off reconnects and resumes again
      } else {
        onTrouble(error);
      }
      return;
    }
    if (error.code === 'unavailable') {
      conn.socket?.close();
      return;
    }
    // A refused join is not retried by itself: the person corrects the form and sends it again.
    stop(conn);
    onJoinRefused(error);
  });

  conn.start();
  return conn;
}

/** Ends a connection for good: no more reconnects. */
export function stop(conn) {
  conn.stop();
}
