// Helpers for a screen that must never scroll: drop what does not fit, shorten what is too long.

/**
 * Removes children from the end of a clipped container until nothing overflows it any more.
 * Keeps at least `keep` children. Returns the number removed.
 */
export function trimToFit(container, keep = 1) {
  let removed = 0;
  while (container.children.length > keep && overflows(container)) {
    container.lastElementChild.remove();
    removed++;
  }
  return removed;
}

export function overflows(box) {
  return box.scrollHeight > box.clientHeight + 1;
}

/** One organisation however it was typed: "Wijkteam Oost " and "wijkteam oost" are the same. */
export function organisationKey(name) {
  return String(name).trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** A label that fits a small space; the full text stays available elsewhere (lists for screen readers). */
export function shorten(text, max) {
  const value = String(text).trim();
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}
