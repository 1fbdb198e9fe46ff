// What the phone remembers on the device: who you are (for every session) and, per session,
// the token that lets a reload or a reconnect resume instead of joining again.
import { saved } from '../shared/dom.js';

const PROFILE_KEY = 'dialoogtafel.phone.profile';
const PREFIX = 'dialoogtafel.phone';

/** The key under which everything of one session lives (outbox, draft, contacts…). */
export function sessionKey(code) {
  return `${PREFIX}.${code}`;
}

export const profile = {
  get() {
    return saved.get(PROFILE_KEY, { name: '', organisation: '', role: '', phone: '', email: '', showName: false });
  },
  set(value) {
    saved.set(PROFILE_KEY, value);
  },
};

/** {token, participantId, sessionId} of the session with this join code, or null. */
export const membership = {
  get(code) {
    return saved.get(`${sessionKey(code)}.member`);
  },
  set(code, value) {
    saved.set(`${sessionKey(code)}.member`, value);
  },
  forget(code) {
    saved.set(`${sessionKey(code)}.member`, null);
  },
};

/** A small list or object kept per session (draft, rejected items, contacts…). */
export function sessionStore(code, name, fallback) {
  const key = `${sessionKey(code)}.${name}`;
  return {
    get: () => saved.get(key, fallback),
    set: value => saved.set(key, value),
  };
}
