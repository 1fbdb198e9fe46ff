// One joined session on the phone: folds the live events into a SessionRecord and renders the
// views from it, coalesced, so a burst of events or a long welcome costs one render.
import { t } from '../shared/i18n.js';
import { SessionRecord, describePerson } from '../shared/record.js';
import { membership } from './storage.js';
import { coalesced } from './schedule.js';
import { Announcer } from './announcer.js';
import { PhaseView } from './phase.js';
import { HeaderClock } from './header-clock.js';
import { Composer } from './compose.js';
import { RejectedPanel } from './rejected.js';
import { OutboxView } from './outbox-view.js';
import { Wall } from './wall.js';
import { WaitingPosts } from './waiting-posts.js';
import { ContactBook } from './contact-book.js';
import { PeopleView } from './people.js';
import { ContactsView } from './contacts.js';
import { setupViews } from './views.js';

export class SessionApp {
  constructor({ code, conn, welcome }) {
    this.code = code;
    this.conn = conn;
    this.record = new SessionRecord();
    const me = () => membership.get(code)?.participantId;
    const render = coalesced(() => this.render());
    const announcer = new Announcer(document.getElementById('announcer'));

    this.phase = new PhaseView();
    this.clock = new HeaderClock(document.getElementById('phase-clock'));
    this.composer = new Composer({ code, conn, announcer });
    this.rejected = new RejectedPanel({ code, conn, composer: this.composer, announcer, onChange: render });
    this.outboxView = new OutboxView({ conn, me, onChange: render });
    this.waiting = new WaitingPosts({ conn, announcer, onChange: render });
    this.wall = new Wall({ ctx: { conn, me, announcer, state: () => this.record.state }, outboxView: this.outboxView, onChange: render });
    this.book = new ContactBook({ code, conn, announcer, sessionTitle: () => this.record.session?.title || '' });
    this.people = new PeopleView({ book: this.book, me });
    this.contacts = new ContactsView({ book: this.book });

    this.record.addEventListener('change', render);
    this.book.addEventListener('change', render);
    conn.addEventListener('reset', () => this.record.reset());
    conn.addEventListener('welcome', event => this.record.describe(event.detail.session));
    conn.addEventListener('snapshot', event => this.record.load(event.detail));
    conn.addEventListener('presence', event => this.record.setOnline(event.detail.online || []));
    conn.addEventListener('event', event => this.applied(event.detail, announcer, me));
    conn.addEventListener('ack', event => {
      // With pre-moderation on, the post.queued that follows says it waits (not "staat op de wand").
      if (event.detail.item.type === 'post' && !this.record.moderation) announcer.say(t(`phone.compose.posted.${event.detail.item.fields.kind}`));
    });

    // The welcome that created this app has already been dispatched: take it in by hand.
    this.record.describe(welcome.session);
    setupViews(document.getElementById('views'));
    document.getElementById('other-session').hidden = false;
  }

  applied(event, announcer, me) {
    this.record.apply(event);
    if (this.conn.ready) this.clock.sample(event.at);
    // Only live posts by others are announced, not the welcome's history.
    if (this.conn.ready && event.name === 'post.added' && event.data.post.author?.id !== me()) {
      const post = event.data.post;
      const sentence = t(`phone.announce.post.${post.kind}`, { who: describePerson(t, post.author) });
      announcer.post(post.title ? `${sentence}: ${post.title}` : sentence);
    }
    // Your own post hidden or brought back by the facilitator: said aloud, with the reason.
    const mine = this.record.posts.get(event.data.post);
    if (this.conn.ready && mine?.author?.id === me() && event.name === 'post.hidden') {
      announcer.say(t('phone.post.hiddenAnnounce', { reason: event.data.reason || '' }));
    } else if (this.conn.ready && mine?.author?.id === me() && event.name === 'post.restored') {
      announcer.say(t('phone.post.restoredAnnounce'));
    }
  }

  render() {
    const record = this.record;
    const title = record.session?.title || '';
    const heading = document.getElementById('page-heading');
    if (heading.textContent !== title) heading.textContent = title;
    document.title = t('phone.pageTitleSession', { title });
    this.phase.render(record);
    this.clock.render(record);
    this.composer.render(record);
    this.rejected.render();
    this.wall.render(record);
    this.waiting.render(this.wall.filter);
    this.people.render(record);
    this.contacts.render();
  }
}
