// Labelled form fields whose errors are tied to the field (aria-invalid, aria-describedby).
import { el } from '../shared/dom.js';
import { uniqueId } from './view.js';

/**
 * field({label, hint?, type?, multiline?, maxlength?, autocomplete?, required?}) →
 * {node, input, invalid(errorId), valid(), value()}
 */
export function field({ label, hint, type = 'text', multiline = false, maxlength, autocomplete, required = false, name }) {
  const id = uniqueId('field');
  const hintId = hint ? `${id}-hint` : null;
  const input = el(multiline ? 'textarea' : 'input', {
    attrs: {
      id,
      name: name || id,
      type: multiline ? null : type,
      maxlength,
      autocomplete,
      required: required || null,
      'aria-describedby': hintId,
      spellcheck: type === 'password' ? 'false' : null,
    },
  });
  const labelNode = el('label', { attrs: { for: id } }, label,
    hint ? el('span', { class: 'hint', attrs: { id: hintId }, text: hint }) : null);
  const node = el('div', { class: 'field' }, labelNode, input);
  return {
    node,
    input,
    value: () => input.value.trim(),
    /** Marks the field wrong; errorId is the element that says why (an alert near the action). */
    invalid(errorId) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
    },
    valid() {
      input.removeAttribute('aria-invalid');
      if (hintId) input.setAttribute('aria-describedby', hintId);
      else input.removeAttribute('aria-describedby');
    },
  };
}

/**
 * Runs work() once at a time per button. The button says it is busy (aria-disabled) but is not
 * disabled, so the keyboard focus stays on it. Returns undefined when it was already busy.
 */
export async function busy(button, work) {
  if (button.getAttribute('aria-disabled') === 'true') return undefined;
  button.setAttribute('aria-disabled', 'true');
  try {
    return await work();
  } finally {
    button.removeAttribute('aria-disabled');
  }
}
