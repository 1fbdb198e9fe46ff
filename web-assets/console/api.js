// The facilitator HTTP API: JSON in, JSON out. A refusal becomes an ApiError carrying the server's
// own sentence, so every screen can show exactly what the server said.
import { currentLanguage, t } from '../shared/i18n.js';

export class ApiError extends Error {
  constructor({ status, error, message, field = null, retryAfter = null }) {
    super(message);
    this.status = status;
    this.error = error;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

let unauthorizedHandler = () => {};

/** Called when a request finds the login gone (expired or revoked): the console shows the login form. */
export function whenUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/** Paths where a 401 is an ordinary answer, not a lost login. */
const LOGIN_PATHS = new Set(['/api/login', '/api/me', '/api/logout']);

/**
 * api('/api/sessions') → the parsed JSON body; api('/api/sessions', {body: {...}}) POSTs.
 * Throws ApiError {status, error, message, field, retryAfter}.
 */
export async function api(path, { method, body } = {}) {
  const verb = method || (body === undefined ? 'GET' : 'POST');
  const url = new URL(path, location.origin);
  url.searchParams.set('lang', currentLanguage()); // the server's sentences in the console's language
  const headers = { Accept: 'application/json' };
  const init = { method: verb, headers, credentials: 'same-origin', cache: 'no-store' };
  if (verb !== 'GET') {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body === undefined ? {} : body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError({ status: 0, error: 'network', message: t('console.error.network') });
  }
  let data = null;
  try {
    const text = await response.text();
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return data;
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  const error = new ApiError({
    status: response.status,
    error: (data && data.error) || 'unknown',
    message: (data && data.message) || t('error.generic'),
    field: (data && data.field) || null,
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : null,
  });
  if (response.status === 401 && !LOGIN_PATHS.has(path)) unauthorizedHandler(error);
  throw error;
}

/** A state-changing request (the body may be left out: an empty JSON object is sent). */
export function post(path, body = {}) {
  return api(path, { method: 'POST', body });
}
