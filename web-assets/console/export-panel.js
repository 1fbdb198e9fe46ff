// The facilitator's downloads during the session: the record so far in the archive's export
// format, and the visible posts as a spreadsheet. Plain links: the browser sends the login cookie
// and saves the file under the name the server gives it (with the session's date).
import { el } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { panel, uniqueId } from './view.js';

/** → {node} */
export function exportPanel(session) {
  const { node } = panel(t('console.export.title'), 'export-panel');
  const base = `/api/sessions/${encodeURIComponent(session.id)}`;
  const lang = `?lang=${currentLanguage()}`;
  const postsHintId = uniqueId('export-posts-hint');
  node.append(
    el('p', { class: 'hint', text: t('console.export.explain') }),
    el('div', { class: 'actions' },
      el('a', { class: 'button secondary', dataset: { export: 'record' },
        attrs: { href: `${base}/export.json${lang}`, download: '' }, text: t('console.export.record') }),
      el('a', { class: 'button secondary', dataset: { export: 'posts' },
        attrs: { href: `${base}/posts.csv${lang}`, download: '', 'aria-describedby': postsHintId },
        text: t('console.export.posts') })),
    el('p', { class: 'hint', attrs: { id: postsHintId }, text: t('console.export.postsHint') }));
  return { node };
}
