// The closing step: what the group takes away (oogst) and what was agreed (afspraken). It goes into
// the record (event harvest.added), so the archive can show it; usually written after closing.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { api } from './api.js';
import { feedback } from './feedback.js';
import { busy, field } from './form.js';
import { panel } from './view.js';

const LIMIT = 4000;

/** → {node} */
export function harvestPanel(session) {
  const { node } = panel(t('console.harvest.title'), 'harvest-panel');
  const harvest = field({ label: t('console.harvest.harvest'), hint: t('console.harvest.harvestHint'), multiline: true, maxlength: LIMIT });
  const agreements = field({ label: t('console.harvest.agreements'), hint: t('console.harvest.agreementsHint'), multiline: true, maxlength: LIMIT });
  const result = feedback();
  const save = el('button', { attrs: { type: 'submit' }, text: t('console.harvest.save') });
  const confirm = el('button', { class: 'secondary', attrs: { type: 'button', hidden: true }, text: t('console.harvest.saveAnyway') });
  const form = el('form', { class: 'harvest-form', attrs: { novalidate: true } },
    el('p', { class: 'hint', text: t('console.harvest.explain') }),
    harvest.node, agreements.node, el('div', { class: 'actions' }, save, confirm), result.node);

  async function send(button, withConfirm) {
    if (!harvest.value() && !agreements.value()) {
      harvest.invalid(result.errorId);
      result.error(t('console.harvest.empty'));
      harvest.input.focus();
      return;
    }
    await busy(button, async () => {
      try {
        await api(`/api/sessions/${encodeURIComponent(session.id)}/harvest`, {
          body: { harvest: harvest.value() || null, agreements: agreements.value() || null, confirm: withConfirm },
        });
        harvest.valid();
        confirm.hidden = true;
        result.ok(t('console.harvest.saved'));
      } catch (error) {
        // The privacy guard may ask to look again; after that the facilitator may save anyway.
        confirm.hidden = error.error !== 'privacy';
        const target = error.field === 'agreements' ? agreements : harvest;
        target.invalid(result.errorId);
        result.error(error.message);
      }
    });
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    send(save, false);
  });
  confirm.addEventListener('click', () => send(confirm, true));
  node.append(form);
  return { node };
}
