// The admin page: accounts and their roles, the messages moderation withheld (approve or reject),
// the event browser with CSV/JSONL downloads, and live stats polled every 2 s. Every request is same-origin with the session cookie and CSRF token.
import * as api from './api.js';

const $ = (s) => document.querySelector(s);
const err = (e) => ($('#admin-error').textContent = e ? e.message || String(e) : '');
const td = (text, cls) => {
  const c = document.createElement('td');
  c.textContent = text ?? '';
  if (cls) c.className = cls;
  return c;
};

async function main() {
  let s;
  try {
    s = await api.session();
  } catch (e) {
    if (e.status === 401) return void (location.href = 'index.html');
    return err(e);
  }
  $('#who').textContent = `${s.account.username} (${s.account.role})`;
  if (s.account.role !== 'admin') return err(new Error('This page is for admins only.'));
  await loadAccounts();
  loadModeration();
  setInterval(loadModeration, 10000);
  stats();
  setInterval(stats, 2000);
  $('#event-filter').onsubmit = (e) => {
    e.preventDefault();
    loadEvents();
  };
  $('#event-filter').oninput = updateDownloads;
  updateDownloads();
  loadEvents();
}

async function loadAccounts() {
  try {
    const accounts = await api.api('GET', '/api/admin/accounts');
    $('#accounts tbody').replaceChildren(
      ...accounts.map((a) => {
        const tr = document.createElement('tr');
        const sel = document.createElement('select');
        sel.dataset.username = a.username;
        for (const r of ['visitor', 'creator', 'admin']) sel.add(new Option(r, r, false, r === a.role));
        sel.onchange = async () => {
          try {
            await api.api('PUT', `/api/admin/accounts/${encodeURIComponent(a.username)}/role`, { role: sel.value });
            err(null);
          } catch (e) {
            err(e);
            sel.value = a.role;
            return;
          }
          a.role = sel.value;
        };
        const roleCell = document.createElement('td');
        roleCell.append(sel);
        tr.append(td(a.id), td(a.username), roleCell, td(a.createdAt));
        return tr;
      }),
    );
  } catch (e) {
    err(e);
  }
}

async function loadModeration() {
  try {
    const q = await api.api('GET', '/api/moderation/queue?limit=100');
    $('#mod-pending').textContent = `(${q.pending} pending)`;
    $('#moderation tbody').replaceChildren(
      ...q.items.map((m) => {
        const tr = document.createElement('tr');
        const act = document.createElement('td');
        for (const decision of ['approve', 'reject']) {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = decision === 'approve' ? 'Approve' : 'Reject';
          b.dataset.decision = decision;
          b.onclick = async () => {
            try {
              await api.api('POST', `/api/moderation/queue/${m.id}`, { decision });
              err(null);
              loadModeration();
            } catch (e) {
              err(e);
            }
          };
          act.append(b);
        }
        tr.append(td(m.id), td(m.createdAt), td(m.accountId), td(m.spaceId), td(m.channel), td(m.reasons.join(', ')), td(m.text, 'payload'), act);
        return tr;
      }),
    );
  } catch (e) {
    err(e);
  }
}

function query(format) {
  const q = new URLSearchParams();
  const iso = (v) => (v ? new Date(v).toISOString() : null);
  const from = iso($('#ev-from').value), to = iso($('#ev-to').value);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if ($('#ev-user').value.trim()) q.set('user', $('#ev-user').value.trim());
  if ($('#ev-space').value.trim()) q.set('space', $('#ev-space').value.trim());
  for (const o of $('#ev-kind').selectedOptions) q.append('kind', o.value);
  if ($('#ev-limit').value) q.set('limit', $('#ev-limit').value);
  if (format) q.set('format', format);
  return `/api/admin/events?${q}`;
}

function updateDownloads() {
  $('#ev-csv').href = query('csv');
  $('#ev-jsonl').href = query('jsonl');
}

async function loadEvents() {
  try {
    const events = await api.api('GET', query(null));
    $('#events tbody').replaceChildren(
      ...events.map((ev) => {
        const tr = document.createElement('tr');
        tr.append(td(ev.id), td(ev.at), td(ev.username ?? ev.accountId), td(ev.space), td(ev.kind), td(JSON.stringify(ev.payload ?? {}), 'payload'));
        return tr;
      }),
    );
    err(null);
  } catch (e) {
    err(e);
  }
}

async function stats() {
  try {
    const s = await api.api('GET', '/api/admin/stats');
    $('#stat-connections').textContent = s.connections;
    $('#stat-queued').textContent = s.eventsQueued;
    $('#instances tbody').replaceChildren(
      ...(s.instances || []).map((i) => {
        const tr = document.createElement('tr');
        tr.append(td(i.space), td(i.instance), td(i.people));
        return tr;
      }),
    );
  } catch (e) {
    err(e);
  }
}

main();
