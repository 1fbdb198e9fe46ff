// How to join: the code in big letters, the QR code (drawn by the server) and the address to type.
import { el, fill } from '../shared/dom.js';

const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;

export class JoinPanel {
  constructor({ section, qr, code, url }, t) {
    Object.assign(this, { section, qr, code, url, t });
    this.shown = null;
  }

  render(session) {
    const code = session?.code;
    if (code === this.shown) return;
    this.shown = code;
    // Only a well-formed code goes into a URL path; anything else hides the panel.
    if (!code || !CODE.test(code)) {
      this.section.hidden = true;
      return;
    }
    const address = `${location.origin}/j/${code}`;
    this.qr.src = `/qr/${code}.svg`;
    this.qr.alt = this.t('kiosk.join.qrAlt', { url: address });
    this.code.textContent = code;
    // Break points after the scheme and before /j/ keep the address readable when it wraps.
    fill(this.url, `${location.protocol}//`, el('wbr'), location.host, el('wbr'), `/j/${code}`);
    this.section.hidden = false;
  }
}
