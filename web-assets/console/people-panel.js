// Who is at the table, and the one thing a facilitator may have to do about a person: erase them
// on their request (AVG). Erasing takes their name, contact details and words out of the session
// for good, so it asks for a confirmation first. Items are kept by person id so an open
// confirmation survives people joining.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describePerson } from '../shared/record.js';
import { post as postJson } from './api.js';
import { feedback } from './feedback.js';
import { busy } from './form.js';
import { disclosure, panel, uniqueId } from './view.js';

/** → {node, update(record)} */
export function peoplePanel(session) {
  const { node, heading } = panel(t('console.people.title'), 'people-panel');
  const result = feedback();
  const empty = el('p', { class: 'people-empty', text: t('console.people.empty') });
  const list = el('ul', { class: 'people' });
  const items = new Map();
  node.append(el('p', { class: 'hint', text: t('console.people.explain') }), result.node, empty, list);

  function createItem(person) {
    const nameId = uniqueId('person');
    const itemResult = feedback();
    const who = el('p', { class: 'person-name', attrs: { id: nameId } });
    const erase = el('button', { class: 'secondary', attrs: { type: 'button', 'aria-describedby': nameId }, text: t('console.people.erase') });
    const confirmErase = el('button', { class: 'danger', attrs: { type: 'submit', 'aria-describedby': nameId }, text: t('console.people.eraseConfirm') });
    const cancel = el('button', { class: 'secondary', attrs: { type: 'button' }, text: t('console.people.eraseCancel') });
    const form = el('form', { class: 'erase-form', attrs: { id: uniqueId('erase-form') } },
      el('p', { class: 'warning', text: t('console.people.eraseWarning') }), el('div', { class: 'actions' }, confirmErase, cancel));
    const confirming = disclosure(erase, form, { focusOnOpen: confirmErase });
    cancel.addEventListener('click', confirming.close);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const described = who.textContent;
      busy(confirmErase, async () => {
        try {
          await postJson(`/api/sessions/${encodeURIComponent(session.id)}/participants/${encodeURIComponent(person.id)}/erase`);
          confirming.open(false);
          result.ok(t('console.people.erased', { person: described }));
          heading.focus();
        } catch (error) {
          itemResult.error(error.message);
        }
      });
    });

    const node = el('li', { class: 'person', dataset: { person: person.id } }, who, erase, form, itemResult.node);
    return {
      node,
      update(current) {
        const text = current.erased ? t('console.people.erasedPerson', { organisation: current.organisation, role: current.role })
          : describePerson(t, current);
        if (who.textContent !== text) who.textContent = text;
        erase.hidden = Boolean(current.erased);
        if (current.erased) confirming.open(false);
        node.classList.toggle('erased', Boolean(current.erased));
      },
    };
  }

  function update(record) {
    const people = [...record.participants.values()];
    for (const person of people) {
      let item = items.get(person.id);
      if (!item) {
        item = createItem(person);
        items.set(person.id, item);
        list.append(item.node);
      }
      item.update(person);
    }
    empty.hidden = people.length > 0;
  }

  return { node, update };
}
