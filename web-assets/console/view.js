// Pieces every view uses: its heading (the focus target when the view appears), panels, dates.
import { el } from '../shared/dom.js';
import { currentLanguage } from '../shared/i18n.js';

/** The view's h1; it takes the focus when the view is shown. */
export function viewHeading(text) {
  return el('h1', { class: 'view-heading', attrs: { tabindex: '-1' }, text });
}

let counter = 0;

/** A section with an h2 that names it (a region landmark for screen readers). */
export function panel(title, className = '') {
  const headingId = `panel-${++counter}`;
  const heading = el('h2', { attrs: { id: headingId, tabindex: '-1' }, text: title });
  const node = el('section', { class: `panel ${className}`.trim(), attrs: { 'aria-labelledby': headingId } }, heading);
  return { node, heading };
}

function locale() {
  return currentLanguage() === 'en' ? 'en-GB' : 'nl-NL';
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A unique id for labels and descriptions. */
export function uniqueId(prefix) {
  return `${prefix}-${++counter}`;
}

/**
 * A button that opens and closes a form below it (aria-expanded, aria-controls). Escape inside the
 * form, or close(), shuts it and gives the focus back to the button. → {open(show), close()}
 */
export function disclosure(toggle, form, { focusOnOpen, onClose = () => {} }) {
  if (!form.id) form.id = uniqueId('disclosure');
  toggle.setAttribute('aria-controls', form.id);
  toggle.setAttribute('aria-expanded', 'false');
  form.hidden = true;

  function open(show) {
    form.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
    if (show) focusOnOpen.focus();
  }

  function close() {
    open(false);
    onClose();
    toggle.focus();
  }

  toggle.addEventListener('click', () => open(form.hidden));
  form.addEventListener('keydown', event => {
    if (event.key === 'Escape') close();
  });
  return { open, close };
}
