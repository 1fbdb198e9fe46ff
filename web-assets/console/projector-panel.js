// The projector, commanded from the console (also on a phone): what the kiosk shows. Every change
// sends the whole view (PUT /api/sessions/{id}/kiosk); the kiosk.view event that comes back through
// the live record sets the controls, so two consoles and every kiosk agree.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describePerson } from '../shared/record.js';
import { api } from './api.js';
import { feedback } from './feedback.js';
import { panel, uniqueId } from './view.js';

const FLAGS = ['join', 'counts', 'frozen', 'totals'];
const DEFAULT_VIEW = { join: true, counts: true, frozen: false, post: null, theme: 'light', order: 'newest', totals: false };
/** How much of a post names it in the list of posts that can go full-screen. */
const POST_LABEL_CHARS = 60;

/** → {node, heading, update(record)} */
export function projectorPanel(session) {
  const { node, heading } = panel(t('console.projector.title'), 'projector-panel');
  const result = feedback();
  const path = `/api/sessions/${encodeURIComponent(session.id)}/kiosk`;
  let record = null;
  let recordSeq = 0;
  let sending = 0;
  /** The view the server last answered {seq, data}, until the live record has folded its event. */
  let answered = null;
  let queue = Promise.resolve();

  const boxes = new Map();
  const checks = FLAGS.map(name => {
    const id = uniqueId(`projector-${name}`);
    const input = el('input', { attrs: { id, type: 'checkbox', name }, on: { change: () => send({ [name]: input.checked }) } });
    boxes.set(name, input);
    return el('label', { class: 'check', attrs: { for: id } }, input, el('span', { text: t(`console.projector.${name}`) }));
  });
  const waiting = el('p', { class: 'projector-waiting', attrs: { 'aria-live': 'polite' } });
  checks.splice(FLAGS.indexOf('frozen') + 1, 0, waiting);

  const choice = (name, options) => {
    const id = uniqueId(`projector-${name}`);
    const select = el('select', { attrs: { id, name }, on: { change: () => send({ [name]: select.value || null }) } },
      options.map(([value, label]) => el('option', { attrs: { value }, text: label })));
    return { select, node: el('div', { class: 'field' }, el('label', { attrs: { for: id }, text: t(`console.projector.${name}`) }), select) };
  };
  const order = choice('order', [['newest', t('console.projector.order.newest')], ['recognised', t('console.projector.order.recognised')]]);
  const theme = choice('theme', [['light', t('console.projector.theme.light')], ['dark', t('console.projector.theme.dark')]]);
  const post = choice('post', [['', t('console.projector.post.none')]]);
  const postHint = el('p', { class: 'hint', text: t('console.projector.post.hint') });

  /** The view as the record last said, with only posts still on the wall. */
  function current() {
    const latest = answered && answered.seq > recordSeq ? answered.data : record?.kioskView;
    const view = { ...DEFAULT_VIEW, ...(latest || {}) };
    delete view.frozenAt;
    const shown = view.post ? record?.posts.get(view.post) : null;
    if (!shown || shown.removed) view.post = null;
    return view;
  }

  /** One change at a time, each on top of the one before, so quick changes do not undo each other. */
  function send(change) {
    sending++;
    queue = queue.then(async () => {
      try {
        const event = await api(path, { method: 'PUT', body: { ...current(), ...change } });
        answered = { seq: event.seq, data: event.data };
        result.ok(t('console.projector.saved'));
      } catch (error) {
        result.error(error.message);
      } finally {
        sending--;
        show();
      }
    });
  }

  /** The list of visible posts, newest first, rebuilt only when it changed (a open list stays open). */
  function fillPosts() {
    const visible = record ? record.visiblePosts() : [];
    const wanted = visible.map(p => p.id).join(',');
    if (post.select.dataset.posts === wanted) return;
    post.select.dataset.posts = wanted;
    const keep = post.select.options[0];
    post.select.replaceChildren(keep, ...visible.map(p => el('option', { attrs: { value: p.id }, text: postLabel(p) })));
  }

  function show() {
    if (sending) return;
    const view = current();
    for (const name of FLAGS) boxes.get(name).checked = Boolean(view[name]);
    order.select.value = view.order;
    theme.select.value = view.theme;
    fillPosts();
    post.select.value = view.post || '';
    const frozenAt = view.frozen && record?.kioskView?.frozen ? record.kioskView.frozenAt : null;
    const count = frozenAt === null || frozenAt === undefined ? 0
      : record.visiblePosts().filter(p => p.seq > frozenAt).length;
    waiting.textContent = frozenAt === null || frozenAt === undefined ? ''
      : count === 0 ? t('console.projector.waiting.none')
        : count === 1 ? t('console.projector.waiting.one') : t('console.projector.waiting.many', { count });
  }

  node.append(el('div', { class: 'projector-checks' }, checks), order.node, theme.node, post.node, postHint, result.node);
  show();
  return {
    node,
    heading,
    /** `seq`: how far the live record has folded (the events of our own answers included, once there). */
    update(next, seq = 0) {
      record = next;
      recordSeq = seq;
      show();
    },
  };
}

/** "Drie loketten… — Anna, … bij Jeugdteam Oost": the first words first (a phone's list is narrow), then who. */
function postLabel(post) {
  const words = (post.title || post.text || '').replace(/\s+/g, ' ').trim();
  const short = words.length > POST_LABEL_CHARS ? `${words.slice(0, POST_LABEL_CHARS - 1).trimEnd()}…` : words;
  return `${short} — ${describePerson(t, post.author)}`;
}
