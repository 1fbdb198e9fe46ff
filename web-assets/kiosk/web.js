// The web of connections: organisations as nodes, exchanged contacts as edges, laid out live
// by d3-force (loaded as classic scripts onto window.d3). One simulation for the whole morning:
// new organisations and links are added to it and it is warmed up briefly; it stops by itself
// once settled, so an idle kiosk costs no CPU. Edges between the same two organisations are
// merged into one (thicker) line, so the DOM grows with pairs of organisations, not with contacts.
import { el, fill } from '../shared/dom.js';
import { organisationKey, shorten } from './fit.js';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_MAX = 18;
/** How warm a change makes the layout: enough to make room, not enough to scramble it. */
const WARM_ADD = 0.5;
const WARM_RESIZE = 0.2;

export class ConnectionWeb {
  constructor({ svg, canvas, empty, heading, list }, t) {
    Object.assign(this, { svg, canvas, empty, heading, list, t });
    this.linkLayer = svg.querySelector('.links');
    this.nodeLayer = svg.querySelector('.nodes');
    this.width = 0;
    this.height = 0;
    const d3 = window.d3;
    this.simulation = d3.forceSimulation([])
      .force('link', d3.forceLink([]).id(node => node.key))
      .force('charge', d3.forceManyBody().strength(-150))
      .force('center', d3.forceCenter())
      .force('collide', d3.forceCollide(node => node.space).iterations(2))
      .force('labels', labelsApart(() => this.rem || 28))
      // A gentle pull to the middle keeps separate pairs on screen (forceCenter alone does not).
      .force('x', d3.forceX().strength(0.05))
      .force('y', d3.forceY().strength(0.12))
      .alphaDecay(0.035)
      .on('tick', () => this.draw())
      .on('end', () => { this.running = false; this.onMotion?.(false); })
      .stop();
    this.reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
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
    this.simulation.stop();
    this.running = false; // whether the layout is moving; it stops by itself once settled
    this.simulation.nodes(this.nodes);
    this.simulation.force('link').links(this.links);
    this.describe();
  }

  /** Calls `callback(true)` when the layout starts moving and `callback(false)` when it comes to rest. */
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
    this.simulation.nodes(this.nodes);
    this.simulation.force('link').links(this.links);
    this.size();
    this.describe();
    this.warm(WARM_ADD);
  }

  add(between) {
    if (!Array.isArray(between) || between.length < 2) return;
    const a = this.node(between[0]?.organisation, null);
    const b = this.node(between[1]?.organisation, a);
    if (!a || !b) return;
    this.total++;
    a.degree++;
    b.degree++;
    const key = [a.key, b.key].sort().join('\u0000');
    let link = this.byPair.get(key);
    if (!link) {
      link = { key, source: a.key, target: b.key, a, b, count: 0, line: null };
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

  /** The node of an organisation, created next to `near` (its partner) so the layout grows calmly. */
  node(name, near) {
    if (typeof name !== 'string' || !name.trim()) return null;
    const key = organisationKey(name);
    let node = this.byKey.get(key);
    if (node) return node;
    const from = near || { x: this.width / 2, y: this.height / 2 };
    node = {
      key, label: name.trim(), degree: 0,
      x: from.x + (Math.random() - 0.5) * 40, y: from.y + (Math.random() - 0.5) * 40,
      circle: document.createElementNS(SVG, 'circle'),
      text: document.createElementNS(SVG, 'text'),
    };
    node.text.textContent = shorten(node.label, LABEL_MAX);
    this.nodeLayer.append(node.circle, node.text);
    this.byKey.set(key, node);
    this.nodes.push(node);
    return node;
  }

  /** Node radius grows with the number of connections; the room a node claims includes its label. */
  size() {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 28;
    if (rem !== this.rem) {
      // Another projector resolution: the labels have a new size, measure them again.
      for (const node of this.nodes) node.half = 0;
      this.rem = rem;
    }
    for (const node of this.nodes) {
      node.r = rem * (0.22 + 0.07 * Math.sqrt(node.degree));
      node.circle.setAttribute('r', node.r.toFixed(1));
      if (!node.half) node.half = (node.text.getComputedTextLength() || node.label.length * rem * 0.4) / 2;
      node.space = Math.max(node.r + rem * 0.3, node.half * 0.8);
      this.bound(node);
    }
    for (const link of this.links) {
      link.line.setAttribute('stroke-width', (rem * (0.06 + 0.05 * Math.sqrt(link.count))).toFixed(1));
    }
    this.simulation.force('link').distance(Math.max(60, Math.min(this.width, this.height) * 0.4));
    this.simulation.force('collide').radius(node => node.space);
  }

  resize() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (!width || !height || (width === this.width && height === this.height)) return;
    // The first measurement may come after a whole morning of connections arrived (a reload):
    // lay them out from scratch then, otherwise only make room.
    const first = !this.width;
    this.width = width;
    this.height = height;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.simulation.force('center').x(width / 2).y(height / 2);
    this.simulation.force('x').x(width / 2);
    this.simulation.force('y').y(height / 2);
    this.size();
    if (this.nodes.length) this.warm(first ? 1 : WARM_RESIZE);
  }

  /** Runs the layout for a while; with reduced motion it is computed at once and drawn settled. */
  warm(alpha) {
    if (!this.width) return; // not measured yet: resize() warms it up
    const simulation = this.simulation;
    simulation.alpha(Math.max(simulation.alpha(), alpha));
    if (this.reducedMotion.matches) {
      simulation.stop();
      const ticks = Math.ceil(Math.log(simulation.alphaMin() / alpha) / Math.log(1 - simulation.alphaDecay()));
      simulation.tick(ticks);
      this.draw();
    } else {
      this.running = true;
      this.onMotion?.(true);
      simulation.restart();
    }
  }

  /** Where a node may be so that it and its label stay inside the picture. */
  bound(node) {
    const marginX = Math.max(node.half, node.r) + 4;
    node.minX = marginX;
    node.maxX = this.width - marginX;
    node.minY = node.r + 4;
    node.maxY = this.height - node.r - (this.rem || 28) * 0.8 - 4;
  }

  /** Positions everything, keeping each node and its label inside the picture. */
  draw() {
    const labelHeight = (this.rem || 28) * 0.8;
    for (const node of this.nodes) {
      node.x = clamp(node.x, node.minX, node.maxX);
      node.y = clamp(node.y, node.minY, node.maxY);
      node.circle.setAttribute('cx', node.x.toFixed(1));
      node.circle.setAttribute('cy', node.y.toFixed(1));
      node.text.setAttribute('x', node.x.toFixed(1));
      node.text.setAttribute('y', (node.y + node.r + labelHeight * 0.95).toFixed(1));
    }
    this.placeLabels(labelHeight);
    for (const link of this.links) {
      link.line.setAttribute('x1', link.a.x.toFixed(1));
      link.line.setAttribute('y1', link.a.y.toFixed(1));
      link.line.setAttribute('x2', link.b.x.toFixed(1));
      link.line.setAttribute('y2', link.b.y.toFixed(1));
    }
  }

  /**
   * A crowded room has more organisations than the picture has room for names: the best
   * connected get their label, a label that would cover one already placed is left out (its
   * dot stays, and every name is in the list for screen readers).
   */
  placeLabels(labelHeight) {
    // The dots are obstacles too: a name must not hide another organisation's dot.
    const placed = this.nodes.map(node => ({ left: node.x - node.r, right: node.x + node.r,
      top: node.y - node.r, bottom: node.y + node.r, node }));
    const byImportance = [...this.nodes].sort((a, b) => b.degree - a.degree || a.key.localeCompare(b.key));
    for (const node of byImportance) {
      const box = { left: node.x - node.half - 2, right: node.x + node.half + 2,
        top: node.y + node.r, bottom: node.y + node.r + labelHeight + 2 };
      const free = placed.every(other => other.node === node || box.right < other.left || box.left > other.right
        || box.bottom < other.top || box.top > other.bottom);
      if (free) placed.push(box);
      if (node.labelShown !== free) {
        node.labelShown = free;
        node.text.setAttribute('visibility', free ? 'visible' : 'hidden');
      }
    }
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
 * Labels are wide and flat, which forceCollide's circles do not see: this force pushes apart
 * nodes whose label boxes (circle plus the label under it) overlap, along the shorter way out.
 * O(n²) per tick, fine for the few dozen organisations of one room.
 */
function labelsApart(remOf) {
  const STRENGTH = 0.35;
  let nodes = [];
  const force = () => {
    const rem = remOf();
    const labelHeight = rem * 0.8;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j];
        const dx = b.x + b.vx - a.x - a.vx;
        const dy = b.y + b.vy - a.y - a.vy;
        const overlapX = Math.max(a.half, a.r) + Math.max(b.half, b.r) + rem * 0.3 - Math.abs(dx);
        const overlapY = a.r + b.r + labelHeight + rem * 0.2 - Math.abs(dy);
        if (overlapX <= 0 || overlapY <= 0) continue;
        // Move along the axis that needs the smaller push, both nodes alike (like forceCollide,
        // not weakened as the layout cools, so labels end up apart), unless neither node can go
        // further that way because it sits against the edge of the picture.
        const signX = dx < 0 ? -1 : 1;
        const signY = dy < 0 ? -1 : 1;
        const freeX = canMove(a.x, -signX, a.minX, a.maxX) || canMove(b.x, signX, b.minX, b.maxX);
        const freeY = canMove(a.y, -signY, a.minY, a.maxY) || canMove(b.y, signY, b.minY, b.maxY);
        if (freeY && (overlapY < overlapX || !freeX)) {
          const push = signY * overlapY * STRENGTH;
          a.vy -= push;
          b.vy += push;
        } else {
          const push = signX * overlapX * STRENGTH;
          a.vx -= push;
          b.vx += push;
        }
      }
    }
  };
  force.initialize = given => { nodes = given; };
  return force;
}

/** Whether a node at `value` can still move in direction `sign` within [low, high]. */
function canMove(value, sign, low, high) {
  return sign < 0 ? value > low + 1 : value < high - 1;
}

function connectionsLabel(t, count) {
  return count === 1 ? t('kiosk.web.connections.one') : t('kiosk.web.connections.many', { count });
}

function clamp(value, low, high) {
  if (!Number.isFinite(value)) return (low + high) / 2;
  return high < low ? (low + high) / 2 : Math.min(high, Math.max(low, value));
}
