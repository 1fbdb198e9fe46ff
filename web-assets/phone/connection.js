// Opens the live connection for one session code: it resumes with the stored token when there
// is one (reload, reconnect), otherwise it joins once with the form's message.
import { LiveConnection } from '../shared/live.js';
import { membership, sessionKey } from './storage.js';

/** Errors on the hello after which trying again later may work. */
const TRY_LATER = new Set(['unavailable', 'rate_limited']);

export function connectTo(code, join, { onWelcome, onForgotten, onJoinRefused, onTrouble }) {
  let pendingJoin = join;
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

/**
 * Ends a connection for good. LiveConnection has no stop(), so it is kept from reconnecting
 * by hand; its close handler ignores a socket that is no longer its own.
 */
export function stop(conn) {
  conn.connect = () => {};
  conn.reconnectNow = () => {};
  clearTimeout(conn.retryTimer);
  clearTimeout(conn.retryFlush);
  const socket = conn.socket;
  conn.socket = null;
  conn.ready = false;
  socket?.close();
}
