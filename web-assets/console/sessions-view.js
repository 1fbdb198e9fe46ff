// The facilitator's own sessions, newest first, each a link to its session view.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { api } from './api.js';
import { feedback } from './feedback.js';
import { sessionHash } from './routes.js';
import { formatDateTime, viewHeading } from './view.js';

export async function sessionsView() {
  const heading = viewHeading(t('console.sessions.title'));
  const result = feedback();
  const content = el('div', { class: 'session-list-holder' });
  try {
    const sessions = await api('/api/sessions');
    content.append(sessions.length ? sessionList(sessions) : el('p', { text: t('console.sessions.empty') }));
  } catch (error) {
    result.error(error.message);
  }
  const node = el('div', { class: 'view sessions-view' },
    heading,
    el('p', { class: 'actions' },
      el('a', { class: 'button', attrs: { href: '#/nieuw' }, text: t('console.sessions.new') })),
    result.node,
    content);
  return { node, heading, title: t('console.sessions.title') };
}

function sessionList(sessions) {
  const time = session => Date.parse(session.createdAt) || 0;
  const newestFirst = [...sessions].sort((a, b) => time(b) - time(a)); // stable: the server's order on ties
  return el('ul', { class: 'session-list' }, newestFirst.map(session => el('li', { class: 'session-card' },
    el('h2', {}, el('a', { attrs: { href: sessionHash(session.id) }, text: session.title })),
    el('p', { class: 'session-place', text: [session.municipality, session.community].filter(Boolean).join(' · ') }),
    el('p', { class: 'session-facts' },
      el('span', { class: `badge state-${session.state}`, text: t(`state.${session.state}`) }),
      el('span', { text: t('console.sessions.code', { code: session.code }) }),
      session.createdAt ? el('span', { text: formatDateTime(session.createdAt) }) : null))));
}
