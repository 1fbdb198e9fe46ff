// A place beside an action where its outcome is said: confirmations in a status region (polite),
// errors in an alert region. Both regions exist from the start so screen readers announce changes.
import { el } from '../shared/dom.js';

let counter = 0;

export function feedback() {
  const id = `feedback-${++counter}`;
  const ok = el('p', { class: 'feedback-ok', attrs: { role: 'status', id: `${id}-ok` } });
  const error = el('p', { class: 'feedback-error', attrs: { role: 'alert', id: `${id}-error` } });
  const node = el('div', { class: 'feedback' }, ok, error);

  function say(target, other, message) {
    other.textContent = '';
    if (target.textContent === message) {
      // The same sentence again: empty the region first so it is announced again.
      target.textContent = '';
      setTimeout(() => { target.textContent = message; }, 50);
    } else {
      target.textContent = message;
    }
  }

  return {
    node,
    errorId: error.id,
    ok: message => say(ok, error, message),
    error: message => say(error, ok, message),
    clear() {
      ok.textContent = '';
      error.textContent = '';
    },
  };
}
