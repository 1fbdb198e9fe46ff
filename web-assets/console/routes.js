// The console's places live in the URL fragment, so reloading or going back keeps the place.
//   #/            my sessions
//   #/nieuw       a new session
//   #/sessie/ID   one session
//   #/accounts    accounts (admins only)

export function sessionHash(id) {
  return `#/sessie/${encodeURIComponent(id)}`;
}

export function parseRoute(hash) {
  const path = (hash || '').replace(/^#/, '');
  if (path === '/nieuw') return { name: 'new' };
  if (path === '/accounts') return { name: 'accounts' };
  const match = /^\/sessie\/([^/]+)$/.exec(path);
  if (match) return { name: 'session', id: decodeURIComponent(match[1]) };
  return { name: 'sessions' };
}
