// The facilitator console (/regie): entry point. Knows whether someone is logged in (GET /api/me;
// the login cookie itself is HttpOnly and never seen here), and shows one view at a time.
import { el, fill } from '../shared/dom.js';
import { languageButton, loadMessages, t } from '../shared/i18n.js';
import { accountsView } from './accounts-view.js';
import { api, post, whenUnauthorized } from './api.js';
import { createView } from './create-view.js';
import { loginView } from './login-view.js';
import { parseRoute } from './routes.js';
import { sessionView } from './session-view.js';
import { sessionsView } from './sessions-view.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const accountsLink = document.getElementById('nav-accounts');
const account = document.getElementById('account');
const who = document.getElementById('who');
const logout = document.getElementById('logout');

let me = null;
let current = null;
let navigation = 0;
/** A confirmation for the next view (e.g. "session created"), said there once. */
let pendingNotice = null;

/** Shows the view a factory builds; a slower, older navigation never replaces a newer one. */
async function show(factory) {
  const ticket = ++navigation;
  main.setAttribute('aria-busy', 'true');
  let view;
  try {
    view = await factory();
  } catch (error) {
    console.error(error);
    view = problemView();
  }
  if (ticket !== navigation) {
    view.dispose?.();
    return;
  }
  current?.dispose?.();
  current = view;
  fill(main, view.node);
  main.removeAttribute('aria-busy');
  document.title = t('console.documentTitle', { view: view.title });
  view.heading.focus();
}

function problemView() {
  const heading = el('h1', { attrs: { tabindex: '-1' }, text: t('console.problem.title') });
  return {
    node: el('div', { class: 'view' }, heading, el('p', { attrs: { role: 'alert' }, text: t('error.generic') })),
    heading,
    title: t('console.problem.title'),
  };
}

function takeNotice() {
  const notice = pendingNotice;
  pendingNotice = null;
  return notice;
}

const context = {
  navigate(hash, notice = null) {
    pendingNotice = notice;
    if (location.hash === hash) route();
    else location.hash = hash;
  },
};

function route() {
  if (!me) return;
  const place = parseRoute(location.hash);
  for (const link of nav.querySelectorAll('a')) {
    const target = parseRoute(link.getAttribute('href')).name;
    if (target === place.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const notice = takeNotice();
  if (place.name === 'new') show(() => createView(context));
  else if (place.name === 'session') show(() => sessionView({ ...context, notice }, place.id));
  else if (place.name === 'accounts') show(() => accountsView({ ...context, me }));
  else show(() => sessionsView(context));
}

function loggedIn(person) {
  me = person;
  who.textContent = t('console.account.who', { username: me.username });
  // Only an admin manages accounts (the server refuses anyone else as well).
  accountsLink.hidden = me.role !== 'admin';
  nav.hidden = false;
  account.hidden = false;
  route();
}

function showLogin(notice = null, noticeIsError = false) {
  me = null;
  nav.hidden = true;
  account.hidden = true;
  who.textContent = '';
  show(() => loginView({ notice, noticeIsError, onLoggedIn: loggedIn }));
}

async function logOut() {
  try {
    await post('/api/logout');
  } catch {
    // the cookie is cleared by the server when it answers; if it did not, the login view still shows
  }
  history.replaceState(null, '', location.pathname + location.search); // next login starts at the list
  showLogin(t('console.account.loggedOut'));
}

async function start() {
  await loadMessages('console');
  document.getElementById('language').append(languageButton());
  logout.addEventListener('click', logOut);
  document.querySelector('.skip-link').addEventListener('click', event => {
    event.preventDefault(); // the fragment is the console's route, not a place on the page
    (current?.heading || main).focus();
  });
  whenUnauthorized(() => {
    if (me) showLogin(t('console.account.expired'), true);
  });
  window.addEventListener('hashchange', route);
  try {
    loggedIn(await api('/api/me'));
  } catch (error) {
    if (error.status === 401) showLogin();
    else showLogin(error.message, true);
  }
}

start();
