// The connection status: a small dot while connected (nothing to worry the room with),
// a sentence next to it when the kiosk is reconnecting, so the facilitator notices.

export function showConnectionStatus(connection, node, textNode, t) {
  const show = status => {
    node.dataset.status = status;
    textNode.textContent = t(`kiosk.status.${status}`);
  };
  show(connection.status === 'offline' ? 'connecting' : connection.status);
  connection.addEventListener('status', event => show(event.detail.status));
}
