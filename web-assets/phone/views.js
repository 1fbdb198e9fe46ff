// The three views (wall, people, contacts) behind the nav links; the URL fragment remembers
// which one is open, so a reload keeps it and the back button works.
const VIEWS = ['wand', 'mensen', 'contacten'];

export function setupViews(nav) {
  let current = null;
  const show = (moveFocus) => {
    const wanted = location.hash.slice(1);
    if (!VIEWS.includes(wanted) && current) return; // e.g. the skip link: keep the open view
    const name = VIEWS.includes(wanted) ? wanted : 'wand';
    current = name;
    for (const view of VIEWS) document.getElementById(`${view}-view`).hidden = view !== name;
    for (const link of nav.querySelectorAll('a[data-view]')) {
      if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (moveFocus) document.querySelector(`#${name}-view h2`)?.focus();
  };
  window.addEventListener('hashchange', () => show(true));
  nav.hidden = false;
  show(false);
}
