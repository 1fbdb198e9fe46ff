// Saves text as a file, made in the browser: a Blob behind an <a download> (no server round trip,
// and the contact details never leave the phone again).
import { el } from '../shared/dom.js';

export function download(name, text, type = 'text/vcard') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = el('a', { class: 'visually-hidden', attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download has to start reading the Blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
