// Who is here, by organisation: counts only, from the participants and who is online.
import { el, fill } from '../shared/dom.js';
import { organisationKey, overflows } from './fit.js';

export class WhoIsHere {
  constructor({ box, heading, list }, t) {
    Object.assign(this, { box, heading, list, t });
    this.presenceKnown = false;
  }

  /** A presence message arrived: from now on count who is online, not everyone who ever joined. */
  presence() {
    this.presenceKnown = true;
  }

  reset() {
    this.presenceKnown = false;
  }

  render(record) {
    // Until the server has said who is online, everyone who joined is the best we know.
    const ids = this.presenceKnown ? record.online : record.participants.keys();
    const groups = new Map();
    let total = 0;
    for (const id of ids) {
      const person = record.participants.get(id);
      if (!person || !person.organisation) continue;
      const key = organisationKey(person.organisation);
      const group = groups.get(key) || { name: person.organisation.trim(), count: 0 };
      group.count++;
      groups.set(key, group);
      total++;
    }
    const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'));
    this.heading.textContent = this.t(this.presenceKnown ? 'kiosk.who.online' : 'kiosk.who.joined', { count: total });
    fill(this.list, sorted.map(group => this.item(group)));
    this.fit(sorted.length);
  }

  item(group) {
    return el('li', {}, `${group.name} `, el('span', { class: 'who-count', text: group.count }));
  }

  /** Drops the smallest organisations that do not fit and says how many are left out. */
  fit(count) {
    if (!overflows(this.box)) return;
    const more = el('li', { class: 'who-more' });
    this.list.append(more);
    let shown = count;
    while (shown > 0 && overflows(this.box)) {
      this.list.children[shown - 1].remove();
      shown--;
      more.textContent = this.t('kiosk.who.more', { count: count - shown });
    }
  }
}
