// The phases of the template, in order, the current one marked. "Volgende fase" is the primary
// action; any other phase can be started too, after a confirmation when it is out of order.
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

  const phases = session.phases || [];
  const next = el('button', { class: 'primary next-phase', attrs: { type: 'button', hidden: true } });
  const current = { phase: null, state: null };

  async function start_(phase, item) {
    try {
      await post(`/api/sessions/${encodeURIComponent(session.id)}/phase`, { phase: phase.id });
      update({ phase: phase.id, state: current.state });
      result.ok(t('console.phases.started', { title: phase.title }));
      item.focus(); // the button just pressed is gone now: keep the focus on the phase itself
      onChanged();
    } catch (error) {
      result.error(error.message);
    }
  }

  /** The phase after the current one, in the template's order (the first when none has started). */
  function following() {
    const at = phases.findIndex(phase => phase.id === current.phase);
    return phases[at + 1] || null;
  }

  next.addEventListener('click', () => {
    const phase = following();
    if (phase) busy(next, () => start_(phase, items.get(phase.id).item));
  });

  for (const phase of phases) {
    const titleId = uniqueId('phase-title');
    const badge = el('span', { class: 'badge current-badge', text: t('console.phases.current'), attrs: { hidden: true } });
    const prompt = el('p', { class: 'phase-prompt', text: phase.prompt || '', attrs: { hidden: true } });
    const start = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': titleId }, text: t('console.phases.start') });
    // Out of order (not the next one) asks first: phases are easily started in the wrong order.
    const confirmText = el('p', { class: 'phase-confirm-text', text: t('console.phases.outOfOrder', { title: phase.title }) });
    const confirmStart = el('button', { class: 'primary', attrs: { type: 'button' }, text: t('console.phases.startAnyway') });
    const cancel = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.phases.cancel') });
    const confirm = el('div', { class: 'phase-confirm', attrs: { hidden: true, role: 'group' } }, confirmText,
      el('div', { class: 'actions' }, confirmStart, cancel));
    const item = el('li', { class: 'phase', attrs: { tabindex: '-1' }, dataset: { phase: phase.id } },
      el('div', { class: 'phase-head' },
        el('span', { class: 'phase-title', attrs: { id: titleId }, text: phase.title }),
        phase.minutes ? el('span', { class: 'phase-minutes', text: t('console.phases.minutes', { minutes: phase.minutes }) }) : null,
        badge),
      prompt,
      el('div', { class: 'actions' }, start),
      confirm);
    start.addEventListener('click', () => {
      if (following()?.id === phase.id) {
        busy(start, () => start_(phase, item));
        return;
      }
      confirm.hidden = false;
      confirmStart.focus();
    });
    confirmStart.addEventListener('click', () => busy(confirmStart, async () => {
      confirm.hidden = true;
      await start_(phase, item);
    }));
    cancel.addEventListener('click', () => {
      confirm.hidden = true;
      start.focus();
    });
    items.set(phase.id, { item, badge, prompt, start, confirm });
    list.append(item);
  }
  node.append(next, list, result.node);

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
      if (parts.start.hidden) parts.confirm.hidden = true;
    }
    const upcoming = following();
    next.hidden = !upcoming || state === 'closed';
    if (upcoming) next.textContent = t('console.phases.next', { title: upcoming.title });
  }

  return { node, heading, update };
}
