// The phone app's entry: the join form at / and /j/{code}, then the session (wall, people,
// contacts) on a live connection that resumes by itself.
import { loadMessages, languageButton, t } from '../shared/i18n.js';
import { membership } from './storage.js';
import { JoinForm } from './join-form.js';
import { connectTo, stop } from './connection.js';
import { SessionApp } from './session-app.js';
import { showStatus } from './status.js';

await loadMessages('phone');
document.getElementById('language').append(languageButton());

const joinView = document.getElementById('join-view');
const heading = document.getElementById('page-heading');
const statusElement = document.getElementById('connection');
const joinForm = new JoinForm(document.getElementById('join-form'), (code, join) => open(code, join));
let current = null; // {code, conn, app}
const FORGOTTEN = 'dialoogtafel.phone.forgotten';

function codeFromPath() {
  const match = location.pathname.match(/^\/j\/([A-Za-z0-9]{6})\/?$/);
  return match ? match[1].toUpperCase() : null;
}

function showJoin(code, notice) {
  heading.textContent = t('phone.join.heading');
  document.title = t('phone.pageTitle');
  joinForm.show(code, notice);
  document.getElementById('loading').hidden = true;
  joinView.hidden = false;
  // No focus jump on arrival (the intro is read first); after a refusal the notice is focused.
  if (notice) document.getElementById('join-error').focus();
}

/** Opens the session with this code: resumes when the device has a token, else joins. */
function open(code, join) {
  if (current) stop(current.conn);
  const conn = connectTo(code, join, {
    onWelcome: welcome => {
      if (!current.app) {
        current.app = new SessionApp({ code, conn, welcome });
        joinView.hidden = true;
        document.getElementById('loading').hidden = true;
        // The address says which session this is, so a reload resumes it.
        if (codeFromPath() !== code) history.replaceState(null, '', `/j/${code}${location.hash}`);
        if (join) document.getElementById('phase-title').focus();
      }
    },
    onForgotten: () => {
      if (current.app) {
        // The session views are already wired to the old connection: start clean, then say why.
        sessionStorage.setItem(FORGOTTEN, '1');
        location.reload();
        return;
      }
      current = null;
      showJoin(code, t('phone.join.forgotten'));
    },
    onJoinRefused: error => {
      current = null;
      showJoin(code);
      joinForm.showError(error);
    },
    onTrouble: error => {
      statusElement.textContent = error.message || t('error.generic');
    },
  });
  current = { code, conn, app: null };
  showStatus(statusElement, conn);
}

const code = codeFromPath();
const forgotten = sessionStorage.getItem(FORGOTTEN);
sessionStorage.removeItem(FORGOTTEN);
if (code && membership.get(code)?.token) open(code, null);
else showJoin(code, forgotten ? t('phone.join.forgotten') : null);
