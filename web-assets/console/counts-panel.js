// Live numbers of the session, as the server counts them (GET /api/sessions/{id} → counts).
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { panel } from './view.js';

const COUNTS = ['participants', 'online', 'stories', 'barriers', 'recognitions', 'connections'];

export function countsPanel() {
  const { node, heading } = panel(t('console.counts.title'), 'counts-panel');
  const values = new Map();
  const list = el('dl', { class: 'counts' }, COUNTS.map(name => {
    const value = el('dd', { text: '–' });
    values.set(name, value);
    return el('div', { dataset: { count: name } }, el('dt', { text: t(`console.counts.${name}`) }), value);
  }));
  node.append(list);
  return {
    node,
    heading,
    update(counts) {
      for (const name of COUNTS) {
        const value = counts && Number.isFinite(counts[name]) ? String(counts[name]) : '–';
        const cell = values.get(name);
        if (cell.textContent !== value) cell.textContent = value;
      }
    },
  };
}
