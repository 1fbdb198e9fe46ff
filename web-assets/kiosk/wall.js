// The live wall, made to be read from the back of a room of 60–300: every visible post whole,
// never cut. The posts are packed into pages that turn at the pace a room reads (Rotation). A spotlighted post takes the whole wall,
// as large as its length allows, with what colleagues wrote when they recognised it. In a phase
// that asks for knelpunten they get a column of their own. A short polite sentence tells screen
// readers when something new arrives.
import { el, fill } from '../shared/dom.js';
import { describePerson, recognitionLabel } from '../shared/record.js';
import { trimToFit, overflows } from './fit.js';
import { PagedList } from './paged-list.js';
import { splitToFit, readingMs } from './pages.js';
import { Rotation } from './rotation.js';

const KINDS = new Set(['story', 'barrier']);
/** The spotlight's type, largest first (rem; 1rem is 28 px at 720p, 42 px at 1080p): 1,500 characters fit whole. */
const SPOTLIGHT_SIZES = [2.4, 2.1, 1.85, 1.6, 1.4, 1.25, 1.1, 1, 0.92, 0.85, 0.8, 0.75];
/** The wall's orders, as the facilitator sets them (kiosk.view `order`). */
export const ORDERS = ['newest', 'recognised'];

export class Wall {
  constructor({ wall, columns, list, barriers, barriersColumn, spotlight, pager, empty, announce }, t) {
    Object.assign(this, { wall, columns, list, barriers, barriersColumn, spotlight, pager, empty, announce, t });
    this.stories = new PagedList(list);
    this.knelpunten = new PagedList(barriers);
    this.order = 'newest';
    this.rotation = new Rotation(pager, t, { show: page => this.show(page), count: () => this.pageCount() });
    this.reset();
  }

  reset() {
    this.newestSeq = 0;
    this.quiet = true;
    this.seenUpTo = 0;
    this.fresh = () => false;
    this.spotlightShown = null;
    this.announcedSpotlight = null;
    this.featured = null;
    this.spotParts = [];
    this.spotlight.hidden = true;
    fill(this.spotlight);
    this.stories.setItems([]);
    this.knelpunten.setItems([]);
    this.stories.draw(0);
    this.knelpunten.draw(0);
    this.rotation.restart();
    this.rotation.stop();
    this.pager.textContent = '';
  }

  /** The next render follows a welcome (a replay): show it, but announce nothing. */
  replaying() {
    this.quiet = true;
  }

  setOrder(order) {
    if (ORDERS.includes(order)) this.order = order;
  }

  /**
   * Renders the wall; returns whether anything is on it. `invite`: show the hint when empty.
   * `view` (the projector's setting, see projector.js): a frozen wall shows the posts up to
   * `frozenAt`; a post the facilitator put full-screen takes the stage as the spotlight does, and
   * wins over it while it is on the wall.
   */
  render(record, invite = true, view = null) {
    const frozenAt = view?.frozenAt ?? null;
    const visible = this.ordered(record.visiblePosts().filter(post => frozenAt === null || post.seq <= frozenAt));
    const chosen = view?.post ? record.posts.get(view.post) : null;
    const spotlit = chosen && !chosen.removed ? chosen : record.spotlight ? record.posts.get(record.spotlight) : null;
    const featured = spotlit && !spotlit.removed ? spotlit : null;
    this.rotation.hold(frozenAt !== null);
    this.seenUpTo = this.newestSeq;
    const quiet = this.quiet;
    this.announceNew(visible, featured);
    this.fresh = post => !quiet && post.seq > this.seenUpTo;

    this.featured = featured;
    // A spotlight takes the whole stage: the join panel and the web step aside for it.
    document.body.classList.toggle('spotlit', Boolean(featured));
    this.spotlight.hidden = !featured;
    this.columns.hidden = Boolean(featured);
    const split = !featured && (record.phase?.kinds || []).includes('barrier');
    this.barriersColumn.hidden = !split;
    this.columns.classList.toggle('split', split);
    if (featured) {
      this.layoutSpotlight(featured);
    } else {
      this.stories.setItems((split ? visible.filter(post => post.kind !== 'barrier') : visible).map(post => this.item(post)));
      this.knelpunten.setItems(split ? visible.filter(post => post.kind === 'barrier').map(post => this.item(post)) : []);
      this.stories.layout();
      this.knelpunten.layout();
    }
    this.empty.hidden = visible.length > 0 || !invite;
    this.rotation.draw();
    this.fresh = () => false; // lit up once, when it arrives; not again when its page comes round
    return visible.length > 0;
  }

  /** Most recognised first (newest first among equals), or newest first as the record gives them. */
  ordered(posts) {
    if (this.order !== 'recognised') return posts;
    return [...posts].sort((a, b) => b.recognitions.length - a.recognitions.length || b.seq - a.seq);
  }

  /** How many pages the wall turns through now (parts of the spotlight, or pages of posts). */
  pageCount() {
    if (this.featured) return this.spotParts.length;
    return Math.max(this.stories.pageCount, this.knelpunten.pageCount);
  }

  /** Draws page `page` of what is on the wall; returns its reading time in ms. */
  show(page) {
    if (this.featured) return this.drawSpotlight(page);
    return Math.max(this.stories.draw(page, this.fresh), this.knelpunten.draw(page, this.fresh));
  }

  /** Stops turning (the kiosk shows something else in the wall's place). */
  hide() {
    this.rotation.stop();
  }

  // ---- the spotlight ----------------------------------------------------------------------

  /** Finds the largest type at which the post fits the wall, or splits it at the smallest. */
  layoutSpotlight(post) {
    const signature = `${post.id}|${post.recognitions.length}|${this.wall.clientWidth}x${this.wall.clientHeight}`;
    if (signature === this.spotlightShown) return;
    this.spotlightShown = signature;
    this.rotation.restart();
    // Fitted with the first recognition note below the story, so at least that one stays in view.
    this.spotlight.classList.add('fitting');
    const fits = text => {
      fill(this.spotlight, this.content(post, true, text, null, 1));
      return !overflows(this.spotlight);
    };
    const text = post.text || '';
    this.spotParts = null;
    for (const size of SPOTLIGHT_SIZES) {
      this.spotlight.style.setProperty('--spotlight-size', `${size}rem`);
      if (fits(text)) {
        this.spotParts = [text];
        break;
      }
    }
    if (!this.spotParts) this.spotParts = splitToFit(text, part => fits(part));
    this.spotlight.classList.remove('fitting');
  }

  drawSpotlight(page) {
    const post = this.featured;
    const count = this.spotParts.length;
    const text = this.spotParts[page] ?? '';
    fill(this.spotlight, this.content(post, true, text, count > 1 ? { index: page + 1, count } : null));
    // What colleagues wrote when they recognised it, as much as fits below the story.
    const notes = this.spotlight.querySelector('.spotlight-notes');
    if (notes) trimToFit(notes, 0);
    if (notes && notes.children.length === 0) notes.remove();
    return readingMs(text);
  }

  // ---- cards --------------------------------------------------------------------------------

  item(post) {
    return {
      key: post.id,
      signature: `${post.recognitions.length}|${post.title || ''}|${(post.text || '').length}`,
      text: post.text || '',
      seq: post.seq,
      build: part => el('li', { class: `post ${KINDS.has(post.kind) ? post.kind : ''}`, dataset: { post: post.id } },
        this.content(post, false, part ? part.text : post.text || '', part)),
    };
  }

  content(post, featured, text, part = null, noteLimit = Infinity) {
    const t = this.t;
    const first = !part || part.index === 1;
    const notes = featured ? post.recognitions.filter(r => r.note).slice(0, noteLimit) : [];
    return [
      el('p', { class: 'post-meta' },
        featured ? el('span', { class: 'visually-hidden', text: `${t('kiosk.wall.spotlight')}: ` }) : null,
        el('span', { class: 'post-author', text: describePerson(t, post.author) }),
        part ? el('span', { class: 'post-part', text: t('kiosk.wall.part', { index: part.index, count: part.count }) }) : null,
        // "Nog geen herkenningen" would take the author's room on every new card: said, not shown.
        el('span', { class: post.recognitions.length ? 'post-recognitions' : 'visually-hidden',
          text: recognitionLabel(t, post.recognitions.length) })),
      el('p', { class: 'post-text' },
        first && KINDS.has(post.kind) ? el('span', { class: `kind ${post.kind}`, text: t(`kind.${post.kind}`) }) : null,
        first && post.title ? el('span', { class: 'post-title', text: `${post.title} ` }) : null,
        text),
      notes.length && (!part || part.index === part.count)
        ? el('ul', { class: 'spotlight-notes' }, notes.map(r => el('li', {},
          el('span', { class: 'note-author', text: `${describePerson(t, r.by)}: ` }), r.note)))
        : null,
    ];
  }

  announceNew(visible, featured) {
    const fresh = visible.filter(post => post.seq > this.newestSeq);
    if (visible.length) this.newestSeq = Math.max(this.newestSeq, ...visible.map(post => post.seq));
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
