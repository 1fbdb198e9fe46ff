// The live wall: the newest stories and knelpunten that fit the screen, the spotlighted one
// large on top, and a short polite sentence for screen readers when something new arrives.
import { el, fill } from '../shared/dom.js';
import { describePerson, recognitionLabel } from '../shared/record.js';
import { trimToFit } from './fit.js';

/** Never more cards than this in the DOM, however long the morning; fewer when they do not fit. */
const MAX_CARDS = 8;
const KINDS = new Set(['story', 'barrier']);

export class Wall {
  constructor({ list, spotlight, empty, announce }, t) {
    Object.assign(this, { list, spotlight, empty, announce, t });
    this.reset();
  }

  reset() {
    this.cards = new Map(); // post id → {node, signature}, only for cards on screen
    this.newestSeq = 0;
    this.quiet = true;
    this.spotlightShown = null;
    this.announcedSpotlight = null;
    this.spotlight.hidden = true;
    fill(this.spotlight);
    fill(this.list);
  }

  /** The next render follows a welcome (a replay): show it, but announce nothing. */
  replaying() {
    this.quiet = true;
  }

  /** Renders the wall; returns whether anything is on it. `invite`: show the hint when empty. */
  render(record, invite = true) {
    const visible = record.visiblePosts();
    const spotlit = record.spotlight ? record.posts.get(record.spotlight) : null;
    const featured = spotlit && !spotlit.removed ? spotlit : null;
    const seenUpTo = this.newestSeq;
    const quiet = this.quiet;
    this.announceNew(visible, featured);

    this.renderSpotlight(featured);
    const newest = visible.filter(post => post !== featured).slice(0, MAX_CARDS);
    const cards = new Map();
    newest.forEach((post, index) => {
      const card = this.card(post, !quiet && post.seq > seenUpTo);
      cards.set(post.id, card);
      // Move only what changed place, so cards already on screen are left alone.
      const at = this.list.children[index];
      if (at !== card.node) this.list.insertBefore(card.node, at || null);
    });
    while (this.list.children.length > newest.length) this.list.lastElementChild.remove();
    this.cards = cards;
    this.empty.hidden = visible.length > 0 || !invite;
    trimToFit(this.list, 0);
    return visible.length > 0;
  }

  renderSpotlight(post) {
    const signature = post ? `${post.id}|${post.recognitions.length}` : null;
    if (signature === this.spotlightShown) return;
    this.spotlightShown = signature;
    this.spotlight.hidden = !post;
    fill(this.spotlight, post ? this.content(post, true) : null);
  }

  /** A card, reused while its content is unchanged so an arriving card's highlight can finish. */
  card(post, fresh) {
    const signature = String(post.recognitions.length);
    const known = this.cards.get(post.id);
    if (known && known.signature === signature) return known;
    const node = el('li', { class: `post ${KINDS.has(post.kind) ? post.kind : ''}` }, this.content(post, false));
    if (fresh) {
      node.classList.add('fresh');
      node.addEventListener('animationend', () => node.classList.remove('fresh'), { once: true });
    }
    return { node, signature };
  }

  content(post, featured) {
    const t = this.t;
    return [
      el('p', { class: 'post-meta' },
        featured ? el('span', { class: 'visually-hidden', text: `${t('kiosk.wall.spotlight')}: ` }) : null,
        el('span', { class: 'post-author', text: describePerson(t, post.author) }),
        // "Nog geen herkenningen" would take the author's room on every new card: said, not shown.
        el('span', { class: post.recognitions.length ? 'post-recognitions' : 'visually-hidden',
          text: recognitionLabel(t, post.recognitions.length) })),
      el('p', { class: 'post-text' },
        KINDS.has(post.kind) ? el('span', { class: `kind ${post.kind}`, text: t(`kind.${post.kind}`) }) : null,
        post.title ? el('span', { class: 'post-title', text: `${post.title} ` }) : null,
        post.text || ''),
    ];
  }

  announceNew(visible, featured) {
    const fresh = visible.filter(post => post.seq > this.newestSeq);
    if (visible.length) this.newestSeq = Math.max(this.newestSeq, visible[0].seq);
    const featuredId = featured?.id || null;
    const spotlightChanged = featuredId !== this.announcedSpotlight;
    this.announcedSpotlight = featuredId;
    if (this.quiet) {
      this.quiet = false;
      return;
    }
    let sentence = '';
    if (fresh.length === 1) {
      const post = fresh[0];
      sentence = this.t(post.kind === 'barrier' ? 'kiosk.announce.barrier' : 'kiosk.announce.story',
        { person: describePerson(this.t, post.author) });
    } else if (fresh.length > 1) {
      sentence = this.t('kiosk.announce.many', { count: fresh.length });
    } else if (spotlightChanged && featured) {
      sentence = this.t('kiosk.announce.spotlight', { person: describePerson(this.t, featured.author) });
    }
    // A sentence equal to the previous one is not read again: vary it invisibly.
    if (sentence) {
      this.announce.textContent = sentence === this.announce.textContent.trim() ? `${sentence}\u00a0` : sentence;
    }
  }
}
