// vCard 3.0 (RFC 2426) for the cards you received, so they go straight into the phone's
// address book: 3.0 because older phones and Outlook import it, where 4.0 is refused or loses
// the number. N is required in 3.0. Text values are escaped (\ , ; and line breaks), lines end
// in CRLF and are folded at 75 octets.
const CRLF = '\r\n';
const encoder = new TextEncoder();

export function escapeText(value) {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** "06 1234 5678" → "+31612345678": Dutch numbers without a country code are taken as Dutch. */
export function internationalNumber(phone) {
  const plus = phone.trim().startsWith('+');
  const digits = phone.replace(/\D/g, '');
  if (plus) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+31${digits.slice(1)}`;
  return digits;
}

/** "06 1234 5678" → "tel:+31612345678", for links. */
export function telUri(phone) {
  return `tel:${internationalNumber(phone)}`;
}

/**
 * N (family;given;additional;prefix;suffix) from the one name field people type: the first word
 * is the given name, the rest (with "van", "de" …) the family name, as Dutch address books sort.
 */
export function structuredName(name) {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return ';;;;';
  if (words.length === 1) return `;${escapeText(words[0])};;;`;
  return `${escapeText(words.slice(1).join(' '))};${escapeText(words[0])};;;`;
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
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${structuredName(person.name)}`,
    `FN:${escapeText(person.name || fallbackName)}`];
  if (person.organisation) lines.push(`ORG:${escapeText(person.organisation)}`);
  if (person.role) lines.push(`TITLE:${escapeText(person.role)}`);
  if (person.phone) lines.push(`TEL;TYPE=CELL:${internationalNumber(person.phone)}`);
  if (person.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(person.email)}`);
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
