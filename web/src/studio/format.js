// Small text formats and DOM builders shared by the Studio's sections. Everything from the server
// goes through textContent.

/** An element with a class and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else if (k in e && typeof e[k] !== 'function') e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c != null) e.append(c);
  return e;
}

export const td = (text, attrs = {}) => el('td', { ...attrs, text: text == null ? '' : String(text) });
export const th = (text, attrs = {}) => el('th', { ...attrs, text: text == null ? '' : String(text) });
export const row = (...cells) => el('tr', {}, ...cells);

/** A table with a header row and rows (arrays of cells or strings). */
export function table(headers, rows, attrs = {}) {
  const head = el('thead', {}, el('tr', {}, ...headers.map((h) => th(h))));
  const body = el('tbody', {}, ...rows.map((r) => (r instanceof Node ? r : row(...r.map((c) => (c instanceof Node ? c : td(c)))))));
  return el('table', attrs, head, body);
}

/** Bytes as people read them: 9.9 MB, 28 KB, 512 B. */
export function formatBytes(n) {
  const b = Number(n);
  if (!Number.isFinite(b) || b < 0) return '';
  if (b < 1024) return `${b} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = b, i = -1;
  do {
    v /= 1024;
    i++;
  } while (v >= 1024 && i < units.length - 1);
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** The first 12 hex digits of a hash (the full one goes in a title). */
export const shortHash = (h) => (h ? `${String(h).slice(0, 12)}…` : '');

/** An ISO time as local date and time, or '' when absent. */
export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

/** Shows an error's message (or clears it) in an element. */
export function say(target, message, kind = 'error') {
  target.textContent = message ? (message.message ?? String(message)) : '';
  target.dataset.kind = message ? kind : '';
}
