// The top bar: the spaces to travel to (with head counts), where one is, the connection's status,
// and the banner for things a person must read.
import * as api from '../api.js';
import { $, show } from './dom.js';

/** Loads the spaces this account may see and updates their buttons; a click travels there. */
export async function refreshSpaces(S, travel) {
  try {
    S.summaries = await api.spaces();
  } catch (e) {
    if (e.status === 401) location.reload();
    return;
  }
  // Buttons are updated in place (not re-created), so a click never lands on a stale element.
  const list = $('#space-list');
  const keep = new Set(S.summaries.map((s) => s.id));
  for (const b of [...list.children]) if (!keep.has(b.dataset.space)) b.remove();
  for (const s of S.summaries) {
    let b = list.querySelector(`button[data-space="${CSS.escape(s.id)}"]`);
    if (!b) {
      b = document.createElement('button');
      b.type = 'button';
      b.dataset.space = s.id;
      b.append(document.createElement('span'), document.createElement('span'));
      b.lastChild.className = 'count';
      b.onclick = () => travel(s.id);
      list.append(b);
    }
    b.title = `${s.kind} · ${s.people}/${s.capacity}`;
    b.firstChild.textContent = s.name;
    b.lastChild.textContent = String(s.people);
  }
  updateTopbar(S);
}

/** Shows the current space, its instance and how many people are in it. */
export function updateTopbar(S) {
  $('#space-name').textContent = S.space ? S.space.name : 'Not in a space';
  $('#instance').textContent = S.space && S.instance ? `#${S.instance}` : '';
  const sum = S.summaries.find((s) => s.id === S.space?.id);
  const people = S.space ? Math.max(sum?.people ?? 0, S.others.size + 1) : 0;
  $('#people-count').textContent = S.space ? `${people} ${people === 1 ? 'person' : 'people'}` : '';
  for (const b of document.querySelectorAll('#space-list button')) b.classList.toggle('current', b.dataset.space === S.space?.id);
}

/** The connection's status, with the latency while it is good. */
export function setStatus(text, bad = false, latency = null) {
  const el = $('#status');
  el.textContent = text + (latency != null && !bad ? ` · ${latency} ms` : '');
  el.classList.toggle('bad', bad);
}
/** A message a person must read (kicked, a failure), over the world until it is hidden. */
export function showBanner(text) {
  $('#banner').textContent = text;
  show('#banner');
}
export function hideBanner() {
  show('#banner', false);
}
