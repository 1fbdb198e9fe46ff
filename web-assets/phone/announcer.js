// Tells screen-reader users what happened in one short sentence (aria-live="polite"), never the
// whole wall. A burst of new stories becomes one sentence.
import { t } from '../shared/i18n.js';

const GATHER_MS = 1200;

export class Announcer {
  constructor(region) {
    this.region = region;
    this.newPosts = [];
    this.timer = null;
  }

  say(sentence) {
    // Emptying first makes a repeated sentence be read again.
    this.region.textContent = '';
    setTimeout(() => { this.region.textContent = sentence; }, 50);
  }

  /** A post from someone else arrived live. */
  post(sentence) {
    this.newPosts.push(sentence);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushPosts(), GATHER_MS);
  }

  flushPosts() {
    const posts = this.newPosts;
    this.newPosts = [];
    if (posts.length === 1) this.say(posts[0]);
    else if (posts.length > 1) this.say(t('phone.announce.manyPosts', { count: posts.length }));
  }
}
