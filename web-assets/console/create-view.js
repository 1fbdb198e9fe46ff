// A new session from a template: choose the template (with its phases and minutes), name the
// session and its municipality; the server answers with the code and links.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { api, post } from './api.js';
import { feedback } from './feedback.js';
import { busy, field } from './form.js';
import { sessionHash } from './routes.js';
import { uniqueId, viewHeading } from './view.js';

const PREFERRED_TEMPLATE = 'transformatiedialoog';

/** @param navigate (hash, notice) moves to another view with a confirmation to show there */
export async function createView({ navigate }) {
  const heading = viewHeading(t('console.create.title'));
  const result = feedback();
  let templates = [];
  try {
    templates = await api('/api/templates');
  } catch (error) {
    result.error(error.message);
  }

  const chooser = templateChooser(templates);
  const title = field({ label: t('console.create.sessionTitle'), hint: t('console.create.sessionTitleHint'), maxlength: 120, required: true, name: 'title' });
  const municipality = field({ label: t('console.create.municipality'), maxlength: 80, required: true, name: 'municipality', autocomplete: 'address-level2' });
  const community = field({ label: t('console.create.community'), hint: t('console.create.communityHint'), maxlength: 120, name: 'community' });
  // Extension: pre-moderation chosen up front (switchable later in the session's queue panel).
  const premoderation = el('input', { attrs: { type: 'checkbox', id: 'create-premoderation', name: 'premoderation' } });
  const premoderationRow = el('p', { class: 'queue-switch' }, premoderation, ' ',
    el('label', { attrs: { for: 'create-premoderation' }, text: t('console.queue.switch') }));
  const submit = el('button', { attrs: { type: 'submit' }, text: t('console.create.submit') });
  const form = el('form', { class: 'create-form', attrs: { novalidate: true } },
    chooser.node, title.node, municipality.node, community.node, premoderationRow, result.node, el('div', { class: 'actions' }, submit));
  const byName = { title, municipality, community };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Object.values(byName).forEach(f => f.valid());
    const missing = !title.value() ? ['title', 'console.create.titleMissing']
      : !municipality.value() ? ['municipality', 'console.create.municipalityMissing'] : null;
    if (missing) {
      result.error(t(missing[1]));
      byName[missing[0]].invalid(result.errorId);
      byName[missing[0]].input.focus();
      return;
    }
    const template = chooser.value();
    if (!template) {
      result.error(t('console.create.templateMissing'));
      return;
    }
    await busy(submit, async () => {
      try {
        const body = { template, title: title.value(), municipality: municipality.value() };
        if (community.value()) body.community = community.value();
        if (premoderation.checked) body.premoderation = true;
        const created = await post('/api/sessions', body);
        result.clear();
        navigate(sessionHash(created.id), t('console.create.done', { code: created.code }));
      } catch (error) {
        result.error(error.message);
        const wrong = byName[error.field];
        if (wrong) {
          wrong.invalid(result.errorId);
          wrong.input.focus();
        }
      }
    });
  });

  const node = el('div', { class: 'view create-view' },
    heading,
    el('p', { class: 'intro', text: t('console.create.intro') }),
    form);
  return { node, heading, title: t('console.create.title') };
}

/** A radio group of templates, each with its description and its phases (title, minutes). */
function templateChooser(templates) {
  const name = uniqueId('template');
  const preferred = templates.some(tpl => tpl.id === PREFERRED_TEMPLATE) ? PREFERRED_TEMPLATE : templates[0]?.id;
  const options = templates.map(template => {
    const id = uniqueId('template-option');
    const descriptionId = `${id}-description`;
    const phases = template.phases || [];
    const minutes = phases.reduce((sum, phase) => sum + (Number(phase.minutes) || 0), 0);
    return el('div', { class: 'template-option' },
      el('label', { class: 'check', attrs: { for: id } },
        el('input', { attrs: {
          type: 'radio', id, name, value: template.id, checked: template.id === preferred,
          'aria-describedby': descriptionId,
        } }),
        el('span', { class: 'template-title', text: template.title })),
      el('p', { class: 'template-description', attrs: { id: descriptionId }, text: template.description || '' }),
      el('details', { class: 'template-phases' },
        el('summary', { text: t('console.create.phasesSummary', { count: phases.length, minutes }) }),
        el('ol', {}, phases.map(phase => el('li', {},
          phase.minutes
            ? t('console.phase.withMinutes', { title: phase.title, minutes: phase.minutes })
            : phase.title)))));
  });
  const node = el('fieldset', { class: 'template-chooser' },
    el('legend', { text: t('console.create.template') }),
    options);
  return {
    node,
    value: () => node.querySelector(`input[name="${name}"]:checked`)?.value || null,
  };
}
