// The closing view: what the session brought, in four big numbers. Counted from the same fold as
// the wall, so only what the room may see: posts still on the wall (not withdrawn, hidden or
// erased), their recognitions, and the connections made between two different organisations,
// compared as the web of connections compares them.
import { el, fill } from '../shared/dom.js';
import { organisationKey } from './fit.js';

/** {stories, knelpunten, recognitions, connections} of the record as the room sees it. */
export function sessionTotals(record) {
  const visible = record.visiblePosts();
  const stories = visible.filter(post => post.kind !== 'barrier');
  const knelpunten = visible.filter(post => post.kind === 'barrier');
  const recognitions = visible.reduce((sum, post) => sum + post.recognitions.length, 0);
  const connections = record.connections.filter(({ between }) => Array.isArray(between) && between.length === 2
    && between[0]?.organisation && between[1]?.organisation
    && organisationKey(between[0].organisation) !== organisationKey(between[1].organisation)).length;
  return { stories: stories.length, knelpunten: knelpunten.length, recognitions, connections };
}

export class TotalsPanel {
  /** Builds its section after `stage` (it takes the stage's place while shown). */
  constructor(stage, t) {
    this.t = t;
    this.heading = el('h2', { class: 'totals-heading', attrs: { id: 'totals-heading' } });
    this.list = el('ul', { class: 'totals-list' });
    this.section = el('section', { class: 'totals', attrs: { id: 'totals', 'aria-labelledby': 'totals-heading', hidden: true } },
      this.heading, this.list);
    stage.after(this.section);
  }

  render(record, shown) {
    this.section.hidden = !shown;
    if (!shown) return;
    const t = this.t;
    const totals = sessionTotals(record);
    this.heading.textContent = t(record.state === 'closed' ? 'kiosk.totals.headingClosed' : 'kiosk.totals.heading');
    fill(this.list, ['stories', 'recognitions', 'connections', 'knelpunten'].map(kind => el('li',
      { class: `total total-${kind}`, dataset: { total: kind } },
      el('span', { class: 'total-number', text: totals[kind] }),
      el('span', { class: 'total-label', text: t(`kiosk.totals.${kind}${totals[kind] === 1 ? '.one' : ''}`) }))));
  }
}
