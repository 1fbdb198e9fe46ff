// Message bundles: every UI string lives in /assets/i18n/<bundle>.<lang>.json. Dutch by default.
import { saved } from './dom.js';

const LANGUAGE_KEY = 'dialoogtafel.lang';
const SUPPORTED = ['nl', 'en'];
let messages = {};
let language = 'nl';

export function currentLanguage() {
  return language;
}

function chosenLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const chosen = fromUrl || saved.get(LANGUAGE_KEY);
  return SUPPORTED.includes(chosen) ? chosen : 'nl';
}

async function bundle(name, lang) {
  const response = await fetch(`/assets/i18n/${name}.${lang}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`bundle ${name}.${lang} missing`);
  return response.json();
}

/** Loads the shared bundle and the screen's own, then translates the page. */
export async function loadMessages(screen) {
  language = chosenLanguage();
  const [shared, own] = await Promise.all([bundle('shared', language), bundle(screen, language)]);
  messages = { ...shared, ...own };
  document.documentElement.lang = language;
  translate(document);
}

/** t('phone.welcome', {name: 'Fatima'}) → the sentence with {name} filled in. */
export function t(key, params = {}) {
  const pattern = messages[key];
  if (pattern === undefined) {
    console.warn('missing message', key);
    return key;
  }
  return pattern.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

const ATTRIBUTES = ['placeholder', 'aria-label', 'title', 'alt'];

/** Fills data-i18n (text) and data-i18n-<attribute> on every element under root. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  for (const attribute of ATTRIBUTES) {
    const data = `data-i18n-${attribute}`;
    root.querySelectorAll(`[${data}]`).forEach(node => node.setAttribute(attribute, t(node.getAttribute(data))));
  }
}

/** A button that switches between Dutch and English (reloads: everything is re-rendered in the new language). */
export function languageButton() {
  const other = language === 'nl' ? 'en' : 'nl';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'language-switch';
  button.lang = other;
  button.textContent = t(`language.switch.${other}`);
  button.addEventListener('click', () => {
    saved.set(LANGUAGE_KEY, other);
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    // An address that differs only in its #fragment does not load again (kiosk #key=, the
    // console's routes, the phone's tabs): reload then, keeping the fragment.
    if (url.href === location.href) location.reload();
    else location.replace(url);
  });
  return button;
}
