// The live connection of a phone or kiosk: reconnects with back-off, resumes where it left off,
// and keeps an outbox so nothing typed is lost or sent twice (each message keeps its id).
import { newId, saved } from './dom.js';
import { currentLanguage } from './i18n.js';

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];
/** Silence after which the page asks the server for a pong, and after which it gives the socket up. */
const QUIET_MS = 25000;
const DEAD_MS = 40000;
/** Errors after which the same message may succeed later: keep it in the outbox. */
const RETRYABLE = new Set(['unavailable', 'rate_limited']);

/**
 * Events dispatched (CustomEvent, detail as noted):
 *  status   {status: 'connecting'|'online'|'offline'}
 *  welcome  the welcome/watching message (before its snapshot and events are dispatched)
 *  snapshot the welcome's snapshot: the state at snapshot.seq, to take in place of what was folded
 *  reset    the record was rebuilt or replaced: drop what you folded
 *  event    a public event, in seq order, never twice
 *  private  a private message
 *  presence {online: [participant ids]}
 *  ack      {item, seq} an outbox item was stored
 *  rejected {item, error} the server refused an outbox item for good
 *  outbox   {items} the outbox changed
 *  failed   {error} the hello (join/resume/watch) was refused
 */
export class LiveConnection extends EventTarget {
  /**
   * @param storageKey where this connection keeps its outbox (per session and role)
   * @param hello function returning the join/resume/watch message to open with, or null to wait
   * @param snapshot ask for the state as a snapshot and for coalesced joins (protocol extension)
   */
  constructor({ storageKey, hello, snapshot = true }) {
    super();
    this.storageKey = storageKey;
    this.hello = live => {
      const message = hello(live);
      return message && snapshot ? { ...message, snapshot: true } : message;
    };
    this.socket = null;
    this.status = 'offline';
    this.lastSeq = 0;
    this.epoch = null;
    this.ready = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.outbox = saved.get(`${storageKey}.outbox`, []);
    this.pendingRequests = new Map();
    this.stopped = false;
    this.onBrowserOnline = () => this.reconnectNow();
    this.onBrowserOffline = () => this.socket?.close();
    window.addEventListener('online', this.onBrowserOnline);
    window.addEventListener('offline', this.onBrowserOffline);
    this.lastHeard = Date.now();
    this.heartbeat = setInterval(() => this.checkAlive(), 5000);
  }

  /** A socket can die without a close event (Wi-Fi gone): ping when quiet, give up when silent. */
  checkAlive() {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    const quiet = Date.now() - this.lastHeard;
    if (quiet > DEAD_MS) this.socket.close();
    else if (quiet > QUIET_MS) this.transmit({ type: 'ping' });
  }

  /** Ends this connection for good: no reconnects, no listeners left behind. */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.retryFlush);
    clearInterval(this.heartbeat);
    window.removeEventListener('online', this.onBrowserOnline);
    window.removeEventListener('offline', this.onBrowserOffline);
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.setStatus('offline');
  }

  start() {
    this.connect();
  }

  connect() {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws?lang=${currentLanguage()}`);
    this.socket = socket;
    this.ready = false;
    this.setStatus('connecting');
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      const hello = this.hello(this);
      if (hello) this.transmit(hello);
    });
    socket.addEventListener('message', message => this.receive(message.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.ready = false;
      this.setStatus('offline');
      this.scheduleReconnect();
    });
  }

  /** Opens again at once (the browser came back online, or the user asked). */
  reconnectNow() {
    if (this.stopped) return;
    this.attempt = 0;
    if (!this.socket) this.connect();
  }

  scheduleReconnect() {
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt++;
    // Jitter spreads a whole room's reconnects after a Wi-Fi hiccup.
    this.retryTimer = setTimeout(() => this.connect(), base / 2 + Math.random() * base);
  }

  setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', { status });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  transmit(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  /** Sends the hello now (e.g. after the user filled in the join form). */
  sendHello() {
    const hello = this.hello(this);
    if (hello && !this.transmit(hello)) this.reconnectNow();
  }

  /**
   * Queues a state-changing message in the outbox (kept on the device until acknowledged) and
   * sends it when the connection is ready. Returns the item.
   */
  send(type, fields) {
    const item = { id: newId(), type, fields, queuedAt: new Date().toISOString() };
    this.outbox.push(item);
    this.saveOutbox();
    if (this.ready) this.transmitItem(item);
    return item;
  }

  /** Sends an item again, e.g. with confirm:true after the privacy guard. */
  resend(item, extraFields = {}) {
    const again = { ...item, fields: { ...item.fields, ...extraFields } };
    this.outbox = this.outbox.filter(other => other.id !== item.id).concat(again);
    this.saveOutbox();
    if (this.ready) this.transmitItem(again);
    return again;
  }

  /** Drops an outbox item (the user gave up on it). */
  discard(item) {
    this.outbox = this.outbox.filter(other => other.id !== item.id);
    this.saveOutbox();
  }

  transmitItem(item) {
    this.transmit({ ...item.fields, type: item.type, id: item.id, ref: item.id });
  }

  flushOutbox() {
    for (const item of this.outbox) this.transmitItem(item);
  }

  saveOutbox() {
    saved.set(`${this.storageKey}.outbox`, this.outbox.length ? this.outbox : null);
    this.emit('outbox', { items: [...this.outbox] });
  }

  /** A direct request that is not kept in the outbox (leave, etc.); resolves with the reply. */
  request(message) {
    const ref = newId();
    return new Promise((resolve, reject) => {
      this.pendingRequests.set(ref, { resolve, reject });
      if (!this.transmit({ ...message, ref })) {
        this.pendingRequests.delete(ref);
        reject(new Error('offline'));
      }
    });
  }

  receive(data) {
    this.lastHeard = Date.now();
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    switch (message.type) {
      case 'welcome':
      case 'watching':
        this.welcomed(message);
        break;
      case 'event':
        this.deliver(message);
        break;
      case 'people':
        this.joined(message);
        break;
      case 'private':
        this.emit('private', message);
        break;
      case 'presence':
        this.emit('presence', message);
        break;
      case 'ack':
        this.acknowledged(message);
        break;
      case 'error':
        this.refused(message);
        break;
      case 'pong':
        break;
      default: {
        const pending = this.pendingRequests.get(message.ref);
        if (pending) {
          this.pendingRequests.delete(message.ref);
          pending.resolve(message);
        }
      }
    }
  }

  welcomed(message) {
    if (message.reset || (this.epoch && message.epoch !== this.epoch)) {
      this.lastSeq = 0;
      this.emit('reset', message);
    }
    this.epoch = message.epoch;
    this.emit('welcome', message);
    if (message.snapshot) {
      this.lastSeq = message.snapshot.seq;
      this.emit('snapshot', message.snapshot);
    }
    for (const event of message.events || []) this.deliver(event);
    this.lastSeq = Math.max(this.lastSeq, message.seq || 0);
    this.ready = true;
    this.setStatus('online');
    this.flushOutbox();
  }

  deliver(event) {
    if (event.seq <= this.lastSeq) return;
    if (event.seq > this.lastSeq + 1 && this.ready) {
      // A gap means something went missing on the way: start over from where we are sure.
      this.socket?.close();
      return;
    }
    this.lastSeq = event.seq;
    this.emit('event', event);
  }

  /** The joins of one tick (seqs from..to, in order), told as the participant.joined events they are. */
  joined(message) {
    (message.joined || []).forEach((participant, index) => this.deliver({
      type: 'event', seq: message.from + index, at: null, name: 'participant.joined', data: { participant },
    }));
  }

  acknowledged(message) {
    const item = this.outbox.find(other => other.id === message.id);
    if (!item) return;
    this.outbox = this.outbox.filter(other => other.id !== message.id);
    this.saveOutbox();
    this.emit('ack', { item, seq: message.seq });
  }

  refused(message) {
    const item = this.outbox.find(other => other.id === message.ref);
    if (item) {
      if (RETRYABLE.has(message.code)) {
        clearTimeout(this.retryFlush);
        this.retryFlush = setTimeout(() => this.ready && this.flushOutbox(), 3000);
        return;
      }
      this.outbox = this.outbox.filter(other => other.id !== item.id);
      this.saveOutbox();
      this.emit('rejected', { item, error: message });
      return;
    }
    const pending = this.pendingRequests.get(message.ref);
    if (pending) {
      this.pendingRequests.delete(message.ref);
      pending.resolve(message);
      return;
    }
    if (!this.ready) this.emit('failed', { error: message });
    else this.emit('servererror', { error: message });
  }
}
