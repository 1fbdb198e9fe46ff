// How people get in: the join code, big; the join link (copy, open) with its QR code; the kiosk
// link (open in a new tab, copy). The kiosk link holds the kiosk key, so it is not shown as text.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { copyText } from './clipboard.js';
import { feedback } from './feedback.js';
import { panel, uniqueId } from './view.js';

export function joinPanel(session) {
  const { node, heading } = panel(t('console.join.title'), 'join-panel');
  const result = feedback();

  const joinLabelId = uniqueId('join-link-label');
  const joinLink = el('p', { class: 'link-text', attrs: { 'aria-labelledby': joinLabelId } }, session.joinUrl);
  const copyJoin = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': joinLabelId }, text: t('console.join.copy') });
  copyJoin.addEventListener('click', () => copy(session.joinUrl, () => joinLink));

  const kioskLabelId = uniqueId('kiosk-link-label');
  const kioskField = el('input', { class: 'kiosk-link', attrs: { type: 'text', readonly: true, 'aria-labelledby': kioskLabelId, value: session.kioskUrl, hidden: true } });
  const copyKiosk = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': kioskLabelId }, text: t('console.join.copy') });
  copyKiosk.addEventListener('click', () => copy(session.kioskUrl, () => {
    kioskField.hidden = false; // the fallback needs the text on the page to select it
    return kioskField;
  }));

  async function copy(text, selectable) {
    const outcome = await copyText(text, selectable);
    result.ok(t(outcome === 'copied' ? 'console.join.copied' : 'console.join.selected'));
  }

  node.append(
    el('p', { class: 'join-code-label', text: t('console.join.code') }),
    el('p', { class: 'join-code' }, session.code),
    el('div', { class: 'join-body' },
      el('img', { class: 'join-qr', attrs: { src: `/qr/${encodeURIComponent(session.code)}.svg`, alt: t('console.join.qr'), width: 160, height: 160 } }),
      el('div', { class: 'join-links' },
        el('h3', { attrs: { id: joinLabelId }, text: t('console.join.link') }),
        joinLink,
        el('div', { class: 'actions' },
          copyJoin,
          el('a', { class: 'button secondary', attrs: { href: session.joinUrl, target: '_blank', rel: 'noopener', 'aria-describedby': joinLabelId }, text: t('console.join.open') })),
        el('h3', { attrs: { id: kioskLabelId }, text: t('console.join.kiosk') }),
        el('p', { class: 'hint', text: t('console.join.kioskHint') }),
        kioskField,
        el('div', { class: 'actions' },
          el('a', { class: 'button', attrs: { href: session.kioskUrl, target: '_blank', rel: 'noopener' }, text: t('console.join.openKiosk') }),
          copyKiosk))),
    result.node);
  return { node, heading };
}
