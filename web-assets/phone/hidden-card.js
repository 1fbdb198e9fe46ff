// Your own post that the facilitator hid: only you still see it on your wall, with the reason
// the facilitator gave (the room's screens dropped it). Its words are gone from every screen,
// yours too, so the card says what happened rather than repeating them.
import { el, fill } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

export class HiddenCard {
  constructor(post) {
    this.id = post.id;
    this.reason = el('p', { class: 'post-reason' });
    this.node = el('li', { class: 'post post-hidden', dataset: { kind: post.kind } },
      el('h3', { class: 'post-title', attrs: { tabindex: '-1' }, text: t(`phone.post.hiddenTitle.${post.kind}`) }),
      el('p', { class: 'post-state', text: t('phone.post.hidden') }),
      this.reason);
    this.update(post);
  }

  update(post) {
    fill(this.reason, post.removedReason ? t('phone.post.hiddenReason', { reason: post.removedReason }) : null);
  }
}

/** Whether this is the reader's own post that the facilitator hid. */
export function hiddenFromMe(post, me) {
  return post.removed === 'hidden' && post.author?.id === me;
}
