// Turns the pages of what the wall shows, each for as long as a room needs to read it. The
// presenter's clicker (PageDown/PageUp) turns them by hand; a pause keeps the page on screen.
export class Rotation {
  /**
   * pager: the line that says "Pagina 2 van 7"; show(page) draws a page and returns its reading
   * time in ms; count() says how many pages there are now.
   */
  constructor(pager, t, { show, count }) {
    Object.assign(this, { pager, t, show, count });
    this.page = 0;
    this.paused = false;
    this.held = false;
    this.timer = null;
  }

  /** A frozen wall keeps its page (the clicker still turns it); unlike a pause, the pager does not say so. */
  hold(held) {
    this.held = held;
  }

  /** Draws the current page again (after new content), keeping the page where it can. */
  draw() {
    const count = this.count();
    if (this.page >= count) this.page = 0;
    const readMs = this.show(this.page);
    // The line keeps its place when empty (CSS): the pages were measured with it there.
    this.pager.textContent = count < 2 ? ''
      : this.t(this.paused ? 'kiosk.wall.pagePaused' : 'kiosk.wall.page', { page: this.page + 1, count });
    if (count < 2 || this.paused || this.held) {
      this.stop();
    } else if (this.timer === null) {
      // A page keeps its time when posts arrive meanwhile: a busy room still sees the pages turn.
      this.timer = setTimeout(() => {
        this.timer = null;
        this.turn(1);
      }, readMs);
    }
  }

  /** Next (+1) or previous (-1) page. */
  turn(step) {
    const count = this.count();
    if (count < 2) return;
    this.page = (this.page + step + count) % count;
    this.stop();
    this.draw();
  }

  togglePause() {
    this.paused = !this.paused;
    this.stop();
    this.draw();
  }

  restart() {
    this.page = 0;
  }

  stop() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
