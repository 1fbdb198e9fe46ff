// A list on the wall that shows every item whole: items are measured at the list's width,
// a text taller than the whole list is split into parts ("deel 2 van 3"), and the items are
// packed into pages that fit. Only the page on screen is in the DOM (a morning of 300 posts
// keeps the page small); heights are remembered per item, width and font size.
import { fill } from '../shared/dom.js';
import { paginate, readingMs, splitToFit } from './pages.js';

export class PagedList {
  /** `maxPerPage`: however short the items, a room reads no more than this many at once. */
  constructor(list, { maxPerPage = 8 } = {}) {
    Object.assign(this, { list, maxPerPage });
    this.items = [];
    this.pages = [];
    this.heights = new Map(); // item key|signature → height of its card
    this.parts = new Map(); // item key|signature → its parts, for a text taller than a page
    this.shown = null;
    this.nodes = new Map(); // the cards on screen, by what they show
  }

  /**
   * items: [{key, signature, text, build(part) → <li>}], where part is null for the whole item
   * or {text, index, count} for a part of its text.
   */
  setItems(items) {
    this.items = items;
  }

  /** Measures and packs; returns the number of pages. */
  layout() {
    const capacity = Math.floor(this.list.getBoundingClientRect().height);
    const width = this.list.clientWidth;
    if (!capacity || !width || this.items.length === 0) {
      this.pages = this.items.length ? [this.items.map(item => ({ item, part: null }))] : [];
      return this.pages.length;
    }
    const gap = parseFloat(getComputedStyle(this.list).rowGap) || 0;
    const scale = `${width}|${capacity}|${getComputedStyle(this.list).fontSize}`;
    if (scale !== this.scale) {
      this.heights.clear(); // another projector or zoom: everything measures anew
      this.parts.clear();
      this.scale = scale;
    }
    const probe = this.probe(width);
    const entries = [];
    for (const item of this.items) {
      const height = this.measure(probe, item, null);
      if (height <= capacity) {
        entries.push({ item, part: null, height });
        continue;
      }
      // Too tall for a page of its own: split its text into parts that each fill a page
      // (remembered: splitting takes a few dozen measurements).
      const key = `${item.key}|${item.signature}`;
      if (!this.parts.has(key)) this.parts.set(key, this.split(probe, item, capacity));
      for (const { part, height: partHeight } of this.parts.get(key)) entries.push({ item, part, height: partHeight });
    }
    probe.remove();
    const current = new Set(this.items.map(item => `${item.key}|${item.signature}`));
    for (const known of [this.heights, this.parts]) {
      for (const key of known.keys()) if (!current.has(key)) known.delete(key);
    }
    this.pages = [];
    for (const page of paginate(entries.map(entry => entry.height), capacity, gap)) {
      // Whole pages, at most maxPerPage each.
      for (let i = 0; i < page.length; i += this.maxPerPage) {
        this.pages.push(page.slice(i, i + this.maxPerPage).map(index => entries[index]));
      }
    }
    return this.pages.length;
  }

  /**
   * Parts of an item's text that each fit `capacity`. Measured with the widest part label; should
   * a real part still come out taller (its label wrapped the line), split again a little tighter.
   */
  split(probe, item, capacity) {
    let target = capacity;
    for (let attempt = 0; ; attempt++) {
      const texts = splitToFit(item.text, text => this.measure(probe, item, { text, index: 99, count: 99 }, false) <= target);
      const parts = texts.map((text, index) => {
        const part = { text, index: index + 1, count: texts.length };
        return { part, height: this.measure(probe, item, part, false) };
      });
      const tallest = Math.max(...parts.map(p => p.height));
      if (tallest <= capacity || attempt === 3) return parts;
      target -= tallest - capacity;
    }
  }

  /** Draws page `index` (wrapped); returns how long a room needs to read it, in ms. */
  draw(index, fresh = () => false) {
    if (this.pages.length === 0) {
      fill(this.list);
      this.shown = null;
      return 0;
    }
    const page = this.pages[((index % this.pages.length) + this.pages.length) % this.pages.length];
    // The scale too: after a resize a part with the same number holds other words.
    const signature = `${this.scale} ${page.map(({ item, part }) => `${item.key}|${item.signature}|${part ? part.index : ''}`).join(' ')}`;
    if (signature !== this.shown) {
      this.shown = signature;
      // A card whose content is unchanged stays the same element (its arrival highlight can finish).
      const nodes = new Map();
      fill(this.list, page.map(({ item, part }) => {
        const key = `${this.scale}|${item.key}|${item.signature}|${part ? `${part.index}/${part.count}` : ''}`;
        let node = this.nodes.get(key);
        if (!node) {
          node = item.build(part);
          if (fresh(item)) {
            node.classList.add('fresh');
            node.addEventListener('animationend', () => node.classList.remove('fresh'), { once: true });
          }
        }
        nodes.set(key, node);
        return node;
      }));
      this.nodes = nodes;
    }
    return readingMs(page.map(({ item, part }) => (part ? part.text : item.text)).join(' '));
  }

  get pageCount() {
    return this.pages.length;
  }

  /** A hidden copy of the list at the same width, to measure cards in. */
  probe(width) {
    const probe = this.list.cloneNode(false);
    probe.removeAttribute('id');
    probe.setAttribute('aria-hidden', 'true');
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', width: `${width}px`,
      height: 'auto', maxHeight: 'none', left: '-10000px', top: '0' });
    this.list.parentNode.append(probe);
    return probe;
  }

  measure(probe, item, part, remember = true) {
    const key = `${item.key}|${item.signature}`;
    if (remember && this.heights.has(key)) return this.heights.get(key);
    const node = item.build(part);
    probe.append(node);
    const height = node.getBoundingClientRect().height;
    node.remove();
    if (remember) this.heights.set(key, height);
    return height;
  }
}
