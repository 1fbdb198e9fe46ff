// Says when the kiosk has come to rest after an update: <body data-settled="true"> once the
// update is rendered, the web's layout has stopped moving and no arriving card is still lit up;
// "false" from the moment the next update is on its way. Whoever checks the projected picture
// (a person, a browser test) waits for this instead of guessing how long the animations take.
export class SettledMarker {
  /** `busy()` tells whether anything is still moving or waiting to be drawn. */
  constructor(node, busy) {
    Object.assign(this, { node, busy });
    this.frame = null;
  }

  unsettle() {
    this.node.dataset.settled = 'false';
  }

  /** Checks again after the next frame, so the browser has laid out what was just drawn. */
  check() {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      if (!this.busy()) this.node.dataset.settled = 'true';
    });
  }
}
