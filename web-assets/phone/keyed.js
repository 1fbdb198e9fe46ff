// Re-renders a list without rebuilding it: each item keeps its node, so focus, open forms and
// half-typed notes survive an update, and a burst of events touches only what changed.
const lists = new WeakMap();

/**
 * @param container the <ul>
 * @param items in display order
 * @param keyOf item → unique key
 * @param create item → {node, update(item)}
 */
export function syncList(container, items, keyOf, create) {
  const old = lists.get(container) || new Map();
  const next = new Map();
  for (const item of items) {
    const key = keyOf(item);
    const entry = old.get(key) || create(item);
    next.set(key, entry);
  }
  // Remove first, so nodes that stay are never moved (moving a node would drop its focus).
  for (const [key, entry] of old) if (!next.has(key)) entry.node.remove();
  let index = 0;
  for (const [key, entry] of next) {
    if (old.has(key)) entry.update(items[index]);
    const here = container.children[index];
    if (here !== entry.node) container.insertBefore(entry.node, here || null);
    index++;
  }
  lists.set(container, next);
  return next;
}
