// The online/offline indicator. Reconnect attempts are not announced one by one: once we have
// been online, "connecting" keeps saying offline until the connection is really back.
import { t } from '../shared/i18n.js';

export function showStatus(element, conn) {
  let everOnline = false;
  const render = status => {
    if (status === 'online') everOnline = true;
    const shown = status === 'connecting' && everOnline ? 'offline' : status;
    if (element.dataset.status === shown) return;
    element.dataset.status = shown;
    element.textContent = t(`status.${shown}`);
  };
  element.hidden = false;
  render(conn.status === 'offline' ? 'connecting' : conn.status);
  conn.addEventListener('status', event => render(event.detail.status));
}
