'use strict';
// The "peer" of the live benchmark: what a team would build with socket.io 4 instead of our
// server. One room per session, io.to(room).emit for the fan-out, everything in memory, no
// persistence. It speaks the subset of our protocol the load generator uses (join, watch,
// post), carried as socket.io events named "m" whose payload is our protocol's JSON object.
// Listens on 127.0.0.1, a port of its own choosing, and prints
// {"port":N,"session":{"id","code","kioskKey"}} on one line. Exits when its stdin closes,
// so it never outlives the benchmark that started it.
const http = require('http');
const crypto = require('crypto');
const { Server } = require('socket.io');

const httpServer = http.createServer();
const io = new Server(httpServer, { serveClient: false, transports: ['websocket'] });

const session = {
  id: 'peer-session',
  code: 'PEER42',
  kioskKey: crypto.randomBytes(16).toString('hex'),
  title: 'Benchmark',
  seq: 0,
  people: 0,
  events: []
};
const phase = { id: 'verhalen', title: 'Verhalen', prompt: 'Vertel', kinds: ['story', 'barrier'] };

function view() {
  return { id: session.id, code: session.code, title: session.title, municipality: 'Loopback',
    state: 'open', phase, phases: [{ id: phase.id, title: phase.title }] };
}

function append(name, data) {
  const event = { type: 'event', seq: ++session.seq, at: new Date().toISOString(), name, data };
  session.events.push(event);
  return event;
}

function error(socket, ref, code, field) {
  socket.emit('m', { type: 'error', ref, code, message: code, field });
}

io.on('connection', (socket) => {
  let person = null;
  let watching = false;
  socket.on('m', (msg) => {
    if (!msg || typeof msg.type !== 'string') {
      return error(socket, null, 'bad_request');
    }
    const ref = typeof msg.ref === 'string' ? msg.ref : null;
    switch (msg.type) {
      case 'join': {
        if (person || watching) return error(socket, ref, 'invalid', 'type');
        if (String(msg.code).toUpperCase() !== session.code) return error(socket, ref, 'unknown_session');
        person = { id: 'p' + (++session.people), name: msg.name, organisation: msg.organisation, role: msg.role };
        io.to(session.id).emit('m', append('participant.joined', { participant: person }));
        socket.join(session.id);
        socket.emit('m', { type: 'welcome', ref, participant: person, token: crypto.randomBytes(16).toString('hex'),
          epoch: 'peer', seq: session.seq, reset: false, session: view(), events: session.events });
        return;
      }
      case 'watch': {
        if (person || watching) return error(socket, ref, 'invalid', 'type');
        if (msg.session !== session.id || msg.key !== session.kioskKey) return error(socket, ref, 'forbidden');
        watching = true;
        socket.join(session.id);
        socket.emit('m', { type: 'watching', ref, epoch: 'peer', seq: session.seq, reset: false, session: view(),
          events: session.events });
        return;
      }
      case 'post': {
        if (!person) return error(socket, ref, watching ? 'forbidden' : 'not_joined');
        if (msg.kind !== 'story' && msg.kind !== 'barrier') return error(socket, ref, 'invalid', 'kind');
        if (typeof msg.text !== 'string' || msg.text.length < 1 || msg.text.length > 4000) {
          return error(socket, ref, 'invalid', 'text');
        }
        const event = append('post.added', { post: { id: 'post-' + (session.seq + 1), kind: msg.kind,
          title: typeof msg.title === 'string' ? msg.title : '', text: msg.text, phase: phase.id, author: person } });
        socket.emit('m', { type: 'ack', ref, id: msg.id, seq: event.seq });
        io.to(session.id).emit('m', event);
        return;
      }
      default:
        return error(socket, ref, 'unknown_type');
    }
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const port = httpServer.address().port;
  process.stdout.write(JSON.stringify({ port, session: { id: session.id, code: session.code,
    kioskKey: session.kioskKey } }) + '\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
