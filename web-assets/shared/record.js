// The session as a screen shows it, folded from the public events in seq order.
// Shared by phone, kiosk and console; each renders from it on 'change'.
import { nextClock } from './phase-clock.js';

export class SessionRecord extends EventTarget {
  constructor() {
    super();
    this.reset();
  }

  reset() {
    this.session = null;
    this.phase = null;
    this.phaseStartedAt = null;
    this.state = 'open';
    this.participants = new Map();
    this.posts = new Map();
    this.connections = [];
    this.spotlight = null;
    this.harvest = null;
    this.kioskView = null;
    this.clock = null; // the current phase's clock (shared/phase-clock.js)
    this.moderation = false; // extension: whether new posts wait for the facilitator
    this.online = new Set();
    this.changed();
  }

  /**
   * Takes a snapshot (protocol extension: the state at snapshot.seq, as the server folded the same
   * events with this same fold) in place of everything folded so far. Who is online stays.
   */
  load(snapshot) {
    this.phase = snapshot.phase ?? null;
    this.phaseStartedAt = snapshot.phaseStartedAt ?? null;
    this.state = snapshot.state || 'open';
    this.participants = new Map((snapshot.participants || []).map(person => [person.id, person]));
    this.posts = new Map((snapshot.posts || []).map(post => [post.id, post]));
    this.connections = snapshot.connections || [];
    this.spotlight = snapshot.spotlight ?? null;
    this.harvest = snapshot.harvest ?? null;
    this.kioskView = snapshot.kioskView ?? null;
    this.clock = snapshot.clock ?? null;
    this.moderation = snapshot.moderation === true;
    this.changed();
  }

  /** What this fold holds, in the snapshot's shape (the server's snapshot of the same events equals it). */
  snapshot() {
    return {
      state: this.state, phase: this.phase, phaseStartedAt: this.phaseStartedAt, spotlight: this.spotlight,
      harvest: this.harvest, clock: this.clock, participants: [...this.participants.values()], posts: [...this.posts.values()],
      connections: this.connections,
      kioskView: this.kioskView,
      harvest: this.harvest, participants: [...this.participants.values()], posts: [...this.posts.values()],
      connections: this.connections, moderation: this.moderation,
    };
  }

  /** Takes the session description from a welcome or watching message. */
  describe(session) {
    this.session = session;
    this.state = session.state;
    this.phase = session.phase;
    this.changed();
  }

  apply(event) {
    const data = event.data || {};
    this.clock = nextClock(this.clock, event, this.state === 'locked');
    switch (event.name) {
      case 'participant.joined':
        this.participants.set(data.participant.id, data.participant);
        break;
      case 'phase.started':
        this.phase = data.phase;
        this.phaseStartedAt = event.at;
        this.spotlight = null; // a spotlight belongs to its phase: the next one starts with the wall
        break;
      case 'post.added': {
        const post = data.post;
        this.posts.set(post.id, { ...post, seq: event.seq, at: event.at, recognitions: [], removed: post.removed || null });
        break;
      }
      case 'post.withdrawn':
        this.remove(data.post, 'withdrawn');
        break;
      case 'post.hidden':
        this.remove(data.post, 'hidden', data.reason);
        break;
      case 'moderation.set': // extension: pre-moderation on or off
        this.moderation = data.queue === true;
        break;
      case 'post.restored': // extension: a hide undone, the words and notes come with it
        this.restore(data);
        break;
      case 'post.spotlighted':
        this.spotlight = data.post;
        break;
      case 'post.marked': {
        const post = this.posts.get(data.post);
        if (post) post.telling = data.telling !== false;
        break;
      }
      case 'recognition.added': {
        const post = this.posts.get(data.post);
        if (post) post.recognitions.push({ by: data.by, note: data.note, at: event.at });
        break;
      }
      case 'connection.made':
        this.connections.push({ between: data.between, at: event.at });
        break;
      case 'participant.erased':
        this.erase(data.participant.id);
        break;
      case 'session.locked':
        this.state = 'locked';
        break;
      case 'session.reopened':
        this.state = 'open';
        break;
      case 'session.closed':
        this.state = 'closed';
        break;
      case 'harvest.added':
        this.harvest = { harvest: data.harvest, agreements: data.agreements, at: event.at };
        break;
      case 'kiosk.view': {
        // Extension: the projector's setting, the last one wins. A frozen wall shows the posts up to
        // the event that froze it, however often the setting changes while it stays frozen.
        const since = this.kioskView?.frozenAt ?? null;
        this.kioskView = { ...data, frozenAt: data.frozen ? since ?? event.seq : null };
        break;
      }
      case 'phase.clock':
        break; // folded into this.clock above, with the phase start, lock, reopen and close
      default:
        break; // events this screen does not know are ignored, as the protocol asks
    }
    this.changed(event);
  }

  remove(postId, why, reason = null) {
    const post = this.posts.get(postId);
    if (post) {
      post.removed = why;
      post.removedReason = reason;
      post.title = null;
      post.text = null;
      // A note on the post may quote it, so it goes with it.
      for (const recognition of post.recognitions) recognition.note = null;
    }
    if (this.spotlight === postId) this.spotlight = null;
  }

  restore(data) {
    const post = this.posts.get(data.post);
    if (!post || data.text == null) return;
    post.title = data.title;
    post.text = data.text;
    post.removed = null;
    post.removedReason = null;
    for (const recognition of post.recognitions) {
      const back = (data.notes || []).find(note => recognition.by && note.by === recognition.by.id);
      if (back) recognition.note = back.note;
    }
  }

  /** A person erased on request: their name and words leave this screen too. */
  erase(participantId) {
    const person = this.participants.get(participantId);
    if (person) {
      person.name = null;
      person.erased = true;
    }
    for (const post of this.posts.values()) {
      if (post.author && post.author.id === participantId) {
        this.remove(post.id, 'erased');
        post.author = { ...post.author, name: null };
      }
      for (const recognition of post.recognitions) {
        if (recognition.by && recognition.by.id === participantId) {
          recognition.by = { ...recognition.by, name: null };
          recognition.note = null;
        }
      }
    }
  }

  setOnline(ids) {
    this.online = new Set(ids);
    this.changed();
  }

  /** Posts still on the wall, newest first. */
  visiblePosts() {
    return [...this.posts.values()].filter(post => !post.removed).sort((a, b) => b.seq - a.seq);
  }

  /** Render requests are gathered: a burst of events causes one render. */
  changed(event) {
    if (event) this.lastEvent = event;
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.dispatchEvent(new CustomEvent('change', { detail: { lastEvent: this.lastEvent } }));
    });
  }
}

/** "Fatima, jeugdverpleegkundige bij Jeugdteam Oost" — or without the name when it is not shown. */
export function describePerson(t, person) {
  if (!person) return t('person.anonymous');
  return person.name
    ? t('person.describe', { name: person.name, role: person.role, organisation: person.organisation })
    : t('person.describeAnonymous', { role: person.role, organisation: person.organisation });
}

export function recognitionLabel(t, count) {
  if (count === 0) return t('recognitions.none');
  if (count === 1) return t('recognitions.one');
  return t('recognitions.count', { count });
}
