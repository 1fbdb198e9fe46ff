// What the admin hands over to someone who has never seen the tool: where to log in, the user
// name, the password (shown here only: it lives in this view's memory and nowhere else, so it is
// gone once the view is left or "Done" is pressed), and where the archive is.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { copyText } from './clipboard.js';
import { feedback } from './feedback.js';
import { uniqueId } from './view.js';

/**
 * @param account {username, role, municipalities} as the server answered
 * @param password the password just chosen
 * @param onDone called when the admin closes it (the node is then to be removed)
 * → {node, heading}
 */
export function handover({ account, password, onDone, created = true }) {
  const origin = location.origin;
  const reader = account.role === 'reader';
  // A reader logs in at /login and lands in the archive; the others run sessions from /regie.
  const loginUrl = `${origin}${reader ? '/login' : '/regie'}`;
  const archiveUrl = `${origin}/archief`;
  const result = feedback();
  const headingId = uniqueId('handover');
  const heading = el('h2', { attrs: { id: headingId, tabindex: '-1' }, text: t('console.accounts.handover.title', { username: account.username }) });

  const lines = [
    [t('console.accounts.handover.login'), loginUrl],
    [t('console.accounts.handover.username'), account.username],
    [t('console.accounts.handover.archive'), archiveUrl],
  ];
  const facts = el('dl', { class: 'handover-facts' },
    lines.map(([term, value]) => el('div', {}, el('dt', { text: term }), el('dd', { class: 'link-text', text: value }))),
    el('div', { class: 'handover-password' },
      el('dt', { text: t('console.accounts.handover.password') }),
      el('dd', { class: 'link-text', text: password })));

  const scope = reader && account.municipalities?.length
    ? t('console.accounts.handover.readerScope', { municipalities: account.municipalities.join(', ') })
    : t(`console.accounts.handover.scope.${account.role}`);
  // The text to paste into a message: everything but the password, which goes another way.
  const message = [
    t('console.accounts.handover.messageIntro'),
    ...lines.map(([term, value]) => `${term}: ${value}`),
    scope,
  ].join('\n');
  const copy = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.accounts.handover.copy') });
  const copyArea = el('textarea', { class: 'handover-message', attrs: { readonly: true, hidden: true, 'aria-label': t('console.accounts.handover.copy') } });
  copyArea.value = message;
  copy.addEventListener('click', async () => {
    const outcome = await copyText(message, () => {
      copyArea.hidden = false; // the fallback needs the text on the page to select it
      return copyArea;
    });
    result.ok(t(outcome === 'copied' ? 'console.accounts.handover.copied' : 'console.accounts.handover.selected'));
  });
  const done = el('button', { attrs: { type: 'button' }, text: t('console.accounts.handover.done') });
  done.addEventListener('click', () => onDone());

  const node = el('section', { class: 'handover notice', attrs: { 'aria-labelledby': headingId } },
    heading,
    el('p', { text: t(created ? 'console.accounts.handover.created' : 'console.accounts.handover.passwordSet', { username: account.username }) }),
    facts,
    el('p', { text: scope }),
    el('p', { class: 'hint', text: t('console.accounts.handover.passwordNote') }),
    copyArea,
    el('div', { class: 'actions' }, copy, done),
    result.node);
  return { node, heading };
}
