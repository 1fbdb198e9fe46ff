// vCard 4.0 (RFC 6350) for the cards you received, so they go straight into the phone's
// address book. Text values are escaped (\ , ; and line breaks), lines end in CRLF and are
// folded at 75 octets.
const CRLF = '\r\n';
const encoder = new TextEncoder();

export function escapeText(value) {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** "06 1234 5678" → "tel:+31612345678": Dutch numbers without a country code are taken as Dutch. */
export function telUri(phone) {
  const plus = phone.trim().startsWith('+');
  const digits = phone.replace(/\D/g, '');
  if (plus) return `tel:+${digits}`;
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `tel:+31${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** Splits a content line into lines of at most 75 octets, never inside a character. */
export function fold(line) {
  const lines = [];
  let current = '';
  let size = 0;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    const limit = lines.length === 0 ? 75 : 74; // a continuation line starts with a space
    if (size + octets > limit) {
      lines.push(current);
      current = '';
      size = 0;
    }
    current += character;
    size += octets;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

/**
 * @param person {name, organisation, role, phone, email}
 * @param note the NOTE text ("Ontmoet bij …")
 * @param fallbackName used for FN when the name is missing
 */
export function vcard(person, note, fallbackName) {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(person.name || fallbackName)}`];
  if (person.organisation) lines.push(`ORG:${escapeText(person.organisation)}`);
  if (person.role) lines.push(`TITLE:${escapeText(person.role)}`);
  if (person.phone) lines.push(`TEL;VALUE=uri:${telUri(person.phone)}`);
  if (person.email) lines.push(`EMAIL:${escapeText(person.email)}`);
  if (note) lines.push(`NOTE:${escapeText(note)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join(CRLF) + CRLF;
}

/** A file name from a person's name: letters, digits and dashes only. */
export function fileName(name, fallback) {
  const base = String(name || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${base || fallback}.vcf`;
}
