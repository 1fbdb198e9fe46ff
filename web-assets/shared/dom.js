// Small DOM helpers. User text only ever goes in through textContent, never innerHTML.

/**
 * el('li', {class: 'post', attrs: {'aria-label': x}, on: {click: fn}, text: 'hi'}, child, ...)
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(props.dataset || {})) node.dataset[name] = value;
  for (const [type, handler] of Object.entries(props.on || {})) node.addEventListener(type, handler);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** Replaces a container's children with the given nodes. */
export function fill(node, ...children) {
  clear(node);
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

/** A fresh idempotency key for a message. */
export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** Reads and writes JSON in localStorage without throwing (private mode, full storage). */
export const saved = {
  get(key, fallback = null) {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    try {
      if (value === null || value === undefined) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the app still works, it just remembers less.
    }
  },
};
