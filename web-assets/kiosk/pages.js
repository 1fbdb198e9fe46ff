// Pages for a wall that never cuts text: items are measured, packed whole into pages that fit
// the wall, and a text too long for a whole page is split (at sentences, else at words) into
// parts that each fit. Pure apart from the `fits` and `height` measurements passed in.

/**
 * Greedy packing in order: each page holds whole items whose heights (plus the gaps between
 * them) fit `capacity`. An item taller than the capacity gets a page of its own (the caller
 * split it beforehand so that this does not happen for text).
 * → [[index, …], …]
 */
export function paginate(heights, capacity, gap) {
  const pages = [];
  let page = [];
  let used = 0;
  heights.forEach((height, index) => {
    const need = page.length ? used + gap + height : height;
    if (page.length && need > capacity) {
      pages.push(page);
      page = [];
      used = 0;
    }
    used = page.length ? used + gap + height : height;
    page.push(index);
  });
  if (page.length) pages.push(page);
  return pages;
}

/**
 * Splits a text into consecutive parts for which `fits(part)` holds, each as long as possible:
 * at sentence ends where it can, else at spaces, else (a very long word) at characters.
 * Joined with single spaces the parts give the text back (whitespace runs aside).
 */
export function splitToFit(text, fits) {
  const words = String(text).trim().split(/\s+/).filter(Boolean);
  const parts = [];
  let start = 0;
  while (start < words.length) {
    // The longest run of words from `start` that fits, by bisection (fits is a layout measurement).
    if (!fits(words[start])) {
      const [head, tail] = splitWord(words[start], fits);
      parts.push(head);
      words[start] = tail;
      continue;
    }
    let low = 1;
    let high = words.length - start;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(words.slice(start, start + mid).join(' '))) low = mid;
      else high = mid - 1;
    }
    let end = start + low;
    // Prefer to end at a sentence when one ends in the last third of the part.
    if (end < words.length) {
      for (let i = end; i > start + Math.ceil((end - start) * 2 / 3); i--) {
        if (/[.!?…]["'”’)]?$/.test(words[i - 1])) {
          end = i;
          break;
        }
      }
    }
    parts.push(words.slice(start, end).join(' '));
    start = end;
  }
  return parts;
}

function splitWord(word, fits) {
  let cut = 1;
  while (cut < word.length - 1 && fits(word.slice(0, cut + 1))) cut++;
  return [word.slice(0, cut), word.slice(cut)];
}

/** How long a room needs to read a page: ~2.5 words a second, at least 8 s, at most a minute. */
export function readingMs(text) {
  const words = String(text).trim().split(/\s+/).filter(Boolean).length;
  return Math.min(60_000, Math.max(8_000, Math.round(words * 400)));
}
