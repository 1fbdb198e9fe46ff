// The phases of the template, in order, the current one marked; any other can be started.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { post } from './api.js';
import { feedback } from './feedback.js';
import { busy } from './form.js';
import { panel, uniqueId } from './view.js';

/**
 * @param session the session from GET /api/sessions/{id} (id, phases with minutes)
 * @param onChanged called after the server accepted a new phase
 * → {node, update({phase, state})}
 */
export function phasesPanel(session, onChanged) {
  const { node, heading } = panel(t('console.phases.title'), 'phases-panel');
  const result = feedback();
  const items = new Map();
  const list = el('ol', { class: 'phases' });

  for (const phase of session.phases || []) {
    const titleId = uniqueId('phase-title');
    const badge = el('span', { class: 'badge current-badge', text: t('console.phases.current'), attrs: { hidden: true } });
    const prompt = el('p', { class: 'phase-prompt', text: phase.prompt || '', attrs: { hidden: true } });
    const start = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': titleId }, text: t('console.phases.start') });
    const item = el('li', { class: 'phase', attrs: { tabindex: '-1' }, dataset: { phase: phase.id } },
      el('div', { class: 'phase-head' },
        el('span', { class: 'phase-title', attrs: { id: titleId }, text: phase.title }),
        phase.minutes ? el('span', { class: 'phase-minutes', text: t('console.phases.minutes', { minutes: phase.minutes }) }) : null,
        badge),
      prompt,
      el('div', { class: 'actions' }, start));
    start.addEventListener('click', () => busy(start, async () => {
      try {
        await post(`/api/sessions/${encodeURIComponent(session.id)}/phase`, { phase: phase.id });
        update({ phase: phase.id, state: current.state });
        result.ok(t('console.phases.started', { title: phase.title }));
        item.focus(); // the button just pressed is gone now: keep the focus on the phase itself
        onChanged();
      } catch (error) {
        result.error(error.message);
      }
    }));
    items.set(phase.id, { item, badge, prompt, start });
    list.append(item);
  }
  node.append(list, result.node);

  const current = { phase: null, state: null };

  function update({ phase, state }) {
    current.phase = phase;
    current.state = state;
    for (const [id, parts] of items) {
      const isCurrent = id === phase;
      if (isCurrent) parts.item.setAttribute('aria-current', 'step');
      else parts.item.removeAttribute('aria-current');
      parts.badge.hidden = !isCurrent;
      parts.prompt.hidden = !isCurrent || !parts.prompt.textContent;
      parts.start.hidden = isCurrent || state === 'closed';
    }
  }

  return { node, heading, update };
}
