// A password the admin chooses for someone else: typed, or made here from the browser's secure
// random source, in groups of four that are easy to read out over the phone. It can be shown,
// because the admin has to pass it on.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { field } from './form.js';

// No 0/o, 1/l/i: nothing to mix up when it is read out or typed over.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 5;
const GROUP_LENGTH = 4;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Five groups of four characters (about 99 bits), e.g. "kx7m-p3qa-9vte-w2hd-nr4f". */
export function generatePassword() {
  // Values at or above the largest multiple of the alphabet's length are drawn again, so every
  // character is equally likely.
  const limit = Math.floor(0x100000000 / ALPHABET.length) * ALPHABET.length;
  const chars = [];
  while (chars.length < GROUPS * GROUP_LENGTH) {
    for (const value of crypto.getRandomValues(new Uint32Array(GROUPS * GROUP_LENGTH))) {
      if (value < limit && chars.length < GROUPS * GROUP_LENGTH) chars.push(ALPHABET[value % ALPHABET.length]);
    }
  }
  const groups = [];
  for (let i = 0; i < chars.length; i += GROUP_LENGTH) groups.push(chars.slice(i, i + GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** field() for a new password, with "make a strong password" and show/hide. */
export function passwordField({ label, name }) {
  const inner = field({
    label,
    hint: t('console.accounts.passwordHint', { min: PASSWORD_MIN }),
    type: 'password',
    maxlength: PASSWORD_MAX,
    autocomplete: 'new-password',
    required: true,
    name,
  });
  const { input } = inner;
  input.setAttribute('autocapitalize', 'none');
  const generate = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-controls': input.id }, dataset: { action: 'generate' }, text: t('console.accounts.generate') });
  const show = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-controls': input.id, 'aria-pressed': 'false' }, dataset: { action: 'show' }, text: t('console.accounts.showPassword') });

  function setShown(shown) {
    input.type = shown ? 'text' : 'password';
    show.setAttribute('aria-pressed', String(shown));
  }
  show.addEventListener('click', () => setShown(input.type === 'password'));
  generate.addEventListener('click', () => {
    input.value = generatePassword();
    setShown(true); // a made-up password is no use unless the admin can read it
    inner.valid();
    input.focus();
  });
  inner.node.append(el('div', { class: 'actions password-actions' }, generate, show));
  return {
    ...inner,
    value: () => input.value, // spaces are part of a password: never trimmed
    clear() {
      input.value = '';
      setShown(false);
      inner.valid();
    },
  };
}
