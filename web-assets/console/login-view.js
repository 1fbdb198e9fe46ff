// Logging in: user name and password, the server's sentence when it refuses (also when it throttles).
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { api, post } from './api.js';
import { feedback } from './feedback.js';
import { busy, field } from './form.js';
import { viewHeading } from './view.js';

/** The server's throttle wait for a user name; it outlives the form (rebuilt on every visit). */
const blocked = { username: null, until: 0 };

/**
 * @param notice a confirmation to show on arrival (e.g. "you are logged out"), or null
 * @param onLoggedIn called with {username, role} once the server accepted the password
 */
export function loginView({ notice = null, noticeIsError = false, onLoggedIn }) {
  const heading = viewHeading(t('console.login.title'));
  const username = field({ label: t('console.login.username'), autocomplete: 'username', required: true, name: 'username' });
  const password = field({ label: t('console.login.password'), type: 'password', autocomplete: 'current-password', required: true, name: 'password' });
  const result = feedback();
  const submit = el('button', { attrs: { type: 'submit' }, text: t('console.login.submit') });
  const form = el('form', { class: 'login-form', attrs: { novalidate: true } },
    username.node, password.node, result.node, el('div', { class: 'actions' }, submit));

  const arrival = feedback();
  // said once the view is on the page, so the region announces it
  if (notice) setTimeout(() => (noticeIsError ? arrival.error : arrival.ok)(notice), 100);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    username.valid();
    password.valid();
    const missing = !username.value() ? username : !password.input.value ? password : null;
    if (missing) {
      result.error(t(missing === username ? 'console.login.usernameMissing' : 'console.login.passwordMissing'));
      missing.invalid(result.errorId);
      missing.input.focus();
      return;
    }
    const wait = Math.ceil((blocked.until - Date.now()) / 1000);
    if (wait > 0 && blocked.username === username.value()) {
      result.error(t('console.login.wait', { seconds: wait }));
      return;
    }
    await busy(submit, async () => {
      try {
        await post('/api/login', { username: username.value(), password: password.input.value });
        password.input.value = '';
        const me = await api('/api/me');
        result.clear();
        onLoggedIn(me);
      } catch (error) {
        result.error(error.message);
        if (error.status === 429 && error.retryAfter) {
          blocked.username = username.value();
          blocked.until = Date.now() + error.retryAfter * 1000;
        }
        if (error.status === 401) {
          password.input.value = '';
          password.invalid(result.errorId);
          password.input.focus();
        }
      }
    });
  });

  const node = el('div', { class: 'view login-view' },
    heading,
    arrival.node,
    el('p', { class: 'intro', text: t('console.login.intro') }),
    form);
  return { node, heading, title: t('console.login.title') };
}
