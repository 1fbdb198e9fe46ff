// Accounts (#/accounts), for the admin: who has access, a new account, a new password, taking access
// away. After a new account or password it says what to hand over; the password is kept only
// in that note, which goes when the admin closes it or leaves the view.
import { el, fill } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { api } from './api.js';
import { accountForm } from './account-form.js';
import { accountList } from './account-list.js';
import { feedback } from './feedback.js';
import { handover } from './handover.js';
import { viewHeading } from './view.js';

/** @param me the logged-in account ({username, role}) */
export async function accountsView({ me }) {
  const heading = viewHeading(t('console.accounts.title'));
  const title = t('console.accounts.title');
  const result = feedback();
  let accounts;
  try {
    accounts = (await api('/api/accounts')).accounts;
  } catch (error) {
    // Not an admin (403), or the server is away: say so and offer nothing to do.
    result.error(error.message);
    return { node: el('div', { class: 'view accounts-view' }, heading, result.node), heading, title };
  }

  const holder = el('div', { class: 'handover-holder' });
  let closeTarget = heading;

  function showHandover(account, password, created) {
    const note = handover({
      account,
      password,
      created,
      onDone: () => {
        fill(holder); // the password leaves the page
        closeTarget.focus();
      },
    });
    fill(holder, note.node);
    note.heading.focus();
  }

  const list = accountList({
    me,
    accounts,
    onPasswordSet: (account, password) => {
      closeTarget = list.heading;
      showHandover(account, password, false);
    },
  });
  const create = accountForm({
    onCreated: (account, password) => {
      list.add(account);
      closeTarget = create.heading;
      showHandover(account, password, true);
    },
  });

  const node = el('div', { class: 'view accounts-view' },
    heading,
    el('p', { class: 'intro', text: t('console.accounts.intro') }),
    holder,
    el('div', { class: 'accounts-grid' }, create.node, list.node));
  return {
    node,
    heading,
    title,
    dispose: () => fill(holder),
  };
}
