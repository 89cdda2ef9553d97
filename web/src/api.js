// The REST API (docs/protocol.md): same-origin fetches with the session cookie, the CSRF token on
// every write, and server errors ({"error","message"}) turned into ApiError with the server's text.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, code, message, retryAfter = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export function setCsrf(token) {
  csrfToken = token || null;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let r;
  try {
    r = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (r.status === 204) return null;
  const text = await r.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!r.ok) {
    let message = data?.message || `${r.status} ${r.statusText}`;
    const retry = r.headers.get('Retry-After');
    if (r.status === 429 && retry) message += ` (try again in ${retry} s)`;
    throw new ApiError(r.status, data?.error || `http_${r.status}`, message, retry);
  }
  return data;
}

const withCsrf = (res) => {
  setCsrf(res?.csrfToken);
  return res;
};

export const session = () => api('GET', '/api/session').then(withCsrf);
export const login = (username, password) => api('POST', '/api/login', { username, password }).then(withCsrf);
export const register = (username, password) => api('POST', '/api/register', { username, password }).then(withCsrf);
export const logout = () => api('POST', '/api/logout').finally(() => setCsrf(null));
export const getAvatar = () => api('GET', '/api/avatar');
export const putAvatar = (name, appearance) => api('PUT', '/api/avatar', { name, appearance });
export const spaces = () => api('GET', '/api/spaces');
export const characterMemory = (id) => api('GET', `/api/characters/${encodeURIComponent(id)}/memory`);
export const forgetCharacter = (id) => api('DELETE', `/api/characters/${encodeURIComponent(id)}/memory`);

/** Sends a picture file as the raw body for recognition (docs/protocol.md, POST /api/shop/recognize). */
export async function recognize(file) {
  const headers = { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let r;
  try {
    r = await fetch('/api/shop/recognize', { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  const data = await r.json().catch(() => null);
  if (!r.ok) throw new ApiError(r.status, data?.error || `http_${r.status}`, data?.message || `${r.status} ${r.statusText}`);
  return data;
}
export const garments = () => api('GET', '/api/shop/garments');

/** "People like you" is opt-in (docs/protocol.md, /api/recommendations/people/opt-in). */
export const peopleOptIn = () => api('GET', '/api/recommendations/people/opt-in');
export const setPeopleOptIn = (optedIn) => api('PUT', '/api/recommendations/people/opt-in', { optedIn });
export const people = (n = 4) => api('GET', `/api/recommendations/people?n=${n}`);

/** The generated works on a space's display (docs/protocol.md, GET /api/designs/{space}). */
export const designs = (space, batch = 0) => api('GET', `/api/designs/${encodeURIComponent(space)}?batch=${batch}`);
