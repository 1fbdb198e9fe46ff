// The wall: the visible posts, newest first, with a filter for stories and knelpunten.
// Rendering is bounded: only the newest posts up to a limit are in the page ("Meer tonen").
import { t } from '../shared/i18n.js';
import { syncList } from './keyed.js';
import { PostCard } from './post-card.js';
import { HiddenCard, hiddenFromMe } from './hidden-card.js';

const PAGE = 30;

export class Wall {
  constructor({ ctx, outboxView, onChange }) {
    this.ctx = ctx;
    this.outboxView = outboxView;
    this.onChange = onChange;
    this.filter = 'all';
    this.limit = PAGE;
    this.list = document.getElementById('post-list');
    this.empty = document.getElementById('wall-empty');
    this.more = document.getElementById('wall-more');
    this.filterButtons = [...document.querySelectorAll('#wall .filter button')];
    for (const button of this.filterButtons) {
      button.addEventListener('click', () => {
        this.filter = button.dataset.filter;
        this.limit = PAGE;
        for (const other of this.filterButtons) other.setAttribute('aria-pressed', String(other === button));
        onChange();
      });
    }
    this.more.addEventListener('click', () => {
      this.limit += PAGE;
      onChange();
    });
  }

  render(record) {
    // Your own hidden posts stay on your wall, saying so and why (nobody else sees them).
    const mine = [...record.posts.values()].filter(post => hiddenFromMe(post, this.ctx.me()));
    const posts = [...record.visiblePosts(), ...mine].sort((a, b) => b.seq - a.seq)
      .filter(post => this.filter === 'all' || post.kind === this.filter);
    const shown = posts.slice(0, this.limit);
    syncList(this.list, shown, post => (post.removed ? `hidden:${post.id}` : post.id),
      post => (post.removed ? new HiddenCard(post) : new PostCard(post, this.ctx)));
    this.outboxView.render(record, this.filter);
    const nothing = shown.length === 0 && this.outboxView.list.children.length === 0;
    this.empty.hidden = !nothing;
    if (nothing) this.empty.textContent = t(`phone.wall.empty.${this.filter}`);
    this.more.hidden = posts.length <= this.limit;
  }
}
