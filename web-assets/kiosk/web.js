// The web of connections: organisations as dots on a ring, exchanged contacts as lines between
// them, each organisation's name beside its dot on the outside of the ring: to the right on the
// right half, to the left on the left half, one name per row. The rows of a half are evenly spaced,
// so no name can cover another, and every name stays inside the picture: a name is wrapped onto
// as many lines as its row has room for, and only a name longer than that is shortened ("…", the
// whole name in its <title> and in the list for screen readers). The type shrinks as the room
// fills, down to a floor. A force layout used to place the dots: its labels were cut at 18
// characters and a label that would have covered another was hidden, so names vanished.
// Edges between the same two organisations are merged into one (thicker) line, so the DOM grows
// with pairs of organisations, not with contacts. The layout is computed, not animated: an idle
// kiosk costs no CPU and is at rest as soon as it is drawn.
import { el, fill } from '../shared/dom.js';
import { organisationKey } from './fit.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Type size of a name in rem: as large as the rows allow, within these bounds. */
const FONT_MAX = 0.8;
const FONT_MIN = 0.45;
/** A line as tall as the drawn box of its letters (DejaVu Sans: ascent and descent are 1.17em) and a little air. */
const LINE_HEIGHT = 1.25;
const MAX_LINES = 3;
const ELLIPSIS = '…';

export class ConnectionWeb {
  constructor({ svg, canvas, empty, heading, list }, t) {
    Object.assign(this, { svg, canvas, empty, heading, list, t });
    this.linkLayer = svg.querySelector('.links');
    this.nodeLayer = svg.querySelector('.nodes');
    this.width = 0;
    this.height = 0;
    // Never moving: the kiosk's settled marker asks; watchMotion is kept for its callers.
    this.running = false;
    // One hidden text to measure names with, at the size they will be drawn.
    this.ruler = document.createElementNS(SVG, 'text');
    this.ruler.setAttribute('visibility', 'hidden');
    this.ruler.setAttribute('aria-hidden', 'true');
    this.widths = new Map();
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.reset();
  }

  reset() {
    this.nodes = [];
    this.byKey = new Map();
    this.links = [];
    this.byPair = new Map();
    this.seen = 0;
    this.total = 0;
    fill(this.linkLayer);
    fill(this.nodeLayer);
    this.svg.append(this.ruler);
    this.describe();
  }

  /** The layout never moves, so there is never motion to report. */
  watchMotion(callback) {
    this.onMotion = callback;
  }

  /** Adds the connections made since the last render (the record only ever appends them). */
  render(record) {
    const connections = record.connections;
    if (connections.length < this.seen) this.reset();
    if (connections.length === this.seen) return;
    for (let i = this.seen; i < connections.length; i++) this.add(connections[i].between);
    this.seen = connections.length;
    this.describe();
    this.layout();
  }

  add(between) {
    if (!Array.isArray(between) || between.length < 2) return;
    const a = this.node(between[0]?.organisation);
    const b = this.node(between[1]?.organisation);
    if (!a || !b) return;
    this.total++;
    a.degree++;
    b.degree++;
    const key = [a.key, b.key].sort().join('\u0000');
    let link = this.byPair.get(key);
    if (!link) {
      link = { key, a, b, count: 0, line: null };
      if (a !== b) {
        // A connection within one organisation has no line to draw, but it is counted and listed.
        link.line = document.createElementNS(SVG, 'line');
        this.linkLayer.append(link.line);
        this.links.push(link);
      }
      this.byPair.set(key, link);
    }
    link.count++;
  }

  /** The node of an organisation, in the order organisations first made a connection. */
  node(name) {
    if (typeof name !== 'string' || !name.trim()) return null;
    const key = organisationKey(name);
    let node = this.byKey.get(key);
    if (node) return node;
    node = {
      key, label: name.trim().replace(/\s+/g, ' '), degree: 0, x: 0, y: 0, r: 0,
      circle: document.createElementNS(SVG, 'circle'),
      text: document.createElementNS(SVG, 'text'),
      title: document.createElementNS(SVG, 'title'),
    };
    this.nodeLayer.append(node.circle, node.text);
    this.byKey.set(key, node);
    this.nodes.push(node);
    return node;
  }

  resize() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (!width || !height || (width === this.width && height === this.height)) return;
    this.width = width;
    this.height = height;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.layout();
  }

  /**
   * Places the dots on a ring and the names beside them. The first half of the organisations
   * (in order of arrival) runs down the right side, the rest up the left, so the ring keeps its
   * order. The ring is as narrow as the names need (but never thinner than a few dots).
   */
  layout() {
    const { width, height, nodes } = this;
    if (!width || !height || !nodes.length) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 28;
    const pad = rem * 0.2;
    const gap = rem * 0.2;
    const right = nodes.slice(0, Math.ceil(nodes.length / 2));
    const left = nodes.slice(right.length).reverse();
    const rows = Math.max(right.length, left.length);
    const row = (height - 2 * pad) / rows;
    const font = clamp(row / LINE_HEIGHT, rem * FONT_MIN, rem * FONT_MAX);
    const lineHeight = font * LINE_HEIGHT;
    const lines = clamp(Math.floor(row / lineHeight), 1, MAX_LINES);
    const dot = r => Math.min(rem * (0.16 + 0.06 * Math.sqrt(r.degree)), row * 0.3, rem * 0.45);
    for (const node of nodes) node.r = dot(node);
    // The ring leaves the names the room the longest needs, within a fifth of the picture a side.
    const longest = Math.max(...nodes.map(node => this.measure(node.label, font)));
    const largestDot = Math.max(...nodes.map(node => node.r));
    const rx = clamp(width / 2 - pad - gap - largestDot - longest, Math.max(rem * 0.8, width * 0.08), width * 0.2);
    const ry = height / 2 - pad;
    const cx = width / 2;
    const cy = height / 2;
    const place = (side, sign) => side.forEach((node, i) => {
      const y = pad + (height - 2 * pad) * (i + 0.5) / side.length;
      const along = clamp((y - cy) / ry, -1, 1);
      node.y = y;
      node.x = cx + sign * rx * Math.sqrt(1 - along * along);
      const room = sign > 0 ? width - pad - (node.x + node.r + gap) : node.x - node.r - gap - pad;
      this.label(node, sign, font, lineHeight, wrap(node.label, room, lines, s => this.measure(s, font)), gap);
    });
    place(right, 1);
    place(left, -1);
    for (const node of nodes) {
      node.circle.setAttribute('cx', node.x.toFixed(1));
      node.circle.setAttribute('cy', node.y.toFixed(1));
      node.circle.setAttribute('r', node.r.toFixed(1));
    }
    for (const link of this.links) {
      link.line.setAttribute('x1', link.a.x.toFixed(1));
      link.line.setAttribute('y1', link.a.y.toFixed(1));
      link.line.setAttribute('x2', link.b.x.toFixed(1));
      link.line.setAttribute('y2', link.b.y.toFixed(1));
      link.line.setAttribute('stroke-width', (rem * (0.05 + 0.04 * Math.sqrt(link.count))).toFixed(1));
    }
  }

  /** Writes a node's name as lines beside its dot, centred on it; a shortened name keeps its whole form in a title. */
  label(node, sign, font, lineHeight, lines, gap) {
    const text = node.text;
    text.style.fontSize = `${font.toFixed(1)}px`;
    // As style, not attribute: the style sheet's text-anchor would win over an attribute.
    text.style.textAnchor = sign > 0 ? 'start' : 'end';
    const x = (node.x + sign * (node.r + gap)).toFixed(1);
    // The first baseline: the block of lines centred on the dot (a baseline sits ~0.35em below the middle of its line).
    const first = node.y - (lines.length - 1) * lineHeight / 2 + font * 0.35;
    fill(text, lines.map((words, i) => {
      const line = document.createElementNS(SVG, 'tspan');
      line.setAttribute('x', x);
      line.setAttribute('y', (first + i * lineHeight).toFixed(1));
      line.textContent = words;
      return line;
    }));
    if (lines[lines.length - 1].endsWith(ELLIPSIS)) {
      node.title.textContent = node.label;
      text.prepend(node.title);
    }
  }

  /** The drawn width of a text at a type size, measured once. */
  measure(words, font) {
    const key = `${font.toFixed(1)}\u0000${words}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.ruler.style.fontSize = `${font.toFixed(1)}px`;
      this.ruler.textContent = words;
      width = this.ruler.getComputedTextLength() || words.length * font * 0.6;
      if (this.widths.size > 5000) this.widths.clear();
      this.widths.set(key, width);
    }
    return width;
  }

  /** The words for everyone who cannot see the picture: a summary and a list of the pairs. */
  describe() {
    const t = this.t;
    const summary = this.total === 0 ? t('kiosk.web.none') : t('kiosk.web.summary', {
      connections: connectionsLabel(t, this.total),
      organisations: this.nodes.length === 1 ? t('kiosk.web.organisations.one')
        : t('kiosk.web.organisations.many', { count: this.nodes.length }),
    });
    this.svg.setAttribute('aria-label', summary);
    this.heading.textContent = this.total === 0 ? t('kiosk.web.heading')
      : t('kiosk.web.headingCount', { count: this.total });
    this.empty.hidden = this.total > 0;
    fill(this.list, [...this.byPair.values()].map(link => el('li', {
      text: link.a === link.b
        ? t('kiosk.web.within', { a: link.a.label, connections: connectionsLabel(t, link.count) })
        : t('kiosk.web.pair', { a: link.a.label, b: link.b.label, connections: connectionsLabel(t, link.count) }),
    })));
  }
}

/**
 * A name as at most `most` lines no wider than `room`, word by word; what does not fit is cut at
 * the end of the last line with "…" (a single word too long for a line is cut the same way).
 */
export function wrap(name, room, most, widthOf) {
  const words = name.split(' ');
  const lines = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const tried = current ? `${current} ${words[i]}` : words[i];
    if (widthOf(tried) <= room) {
      current = tried;
      continue;
    }
    if (current && lines.length < most - 1) {
      lines.push(current);
      current = '';
      i--; // the word starts the next line
      continue;
    }
    // No line left, or one word wider than a line: cut here.
    lines.push(shortened(tried, room, widthOf));
    return lines;
  }
  lines.push(current);
  return lines;
}

/**
 * The longest start of `words` that fits `room` with "…" after it. Cut inside a word rather than
 * at the last space: on a small picture every letter helps to recognise the organisation.
 */
function shortened(words, room, widthOf) {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOf(words.slice(0, middle).trimEnd() + ELLIPSIS) <= room) low = middle;
    else high = middle - 1;
  }
  return `${words.slice(0, low).replace(/[\s,.;:&-]+$/, '')}${ELLIPSIS}`;
}

function connectionsLabel(t, count) {
  return count === 1 ? t('kiosk.web.connections.one') : t('kiosk.web.connections.many', { count });
}

function clamp(value, low, high) {
  if (!Number.isFinite(value)) return (low + high) / 2;
  return high < low ? (low + high) / 2 : Math.min(high, Math.max(low, value));
}
