#!/usr/bin/env node
// A small in-memory stand-in for the world server, speaking protocol v1 (docs/protocol.md), for
// working on the client before/without the Java server: serves dist/ (run `npm run build` first)
// plus /api and /ws. Not a reference implementation: no persistence, no throttling, no AOI, no
// real password hashing. Usage: node scripts/mock-server.mjs [port]   (the first account is admin)
import http from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { walkable } from '../src/walk.js';

const port = Number(process.argv[2] || 8080);
const root = fileURLToPath(new URL('../dist/', import.meta.url));
const world = JSON.parse(readFileSync(fileURLToPath(new URL('../../worldmind-app/src/main/resources/dev/worldmind/app/world/default-world.json', import.meta.url)), 'utf8'));
const accounts = new Map(); // username -> {id, username, role, createdAt, password, avatar}
const sessions = new Map(); // token -> {username, csrf}
const events = [];
const conns = new Set();
let nextId = 1, tick = 0;

const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const fail = (res, status, error, message) => send(res, status, { error, message });
const pub = (a) => ({ id: a.id, username: a.username, role: a.role, createdAt: a.createdAt });
const sessionOf = (req) => {
  const m = /(?:^|;\s*)wm_session=([^;]+)/.exec(req.headers.cookie || '');
  const s = m && sessions.get(m[1]);
  return s ? { token: m[1], ...s, account: accounts.get(s.username) } : null;
};
const log = (a, space, kind, payload = {}) => events.push({ id: events.length + 1, at: new Date().toISOString(), accountId: a.id, username: a.username, space, kind, payload });
const body = (req) => new Promise((ok) => {
  let b = '';
  req.on('data', (c) => (b += c));
  req.on('end', () => { try { ok(b ? JSON.parse(b) : {}); } catch { ok(null); } });
});
const login = (res, a, status) => {
  const token = randomBytes(32).toString('base64url'), csrf = randomBytes(16).toString('base64url');
  sessions.set(token, { username: a.username, csrf });
  send(res, status, { account: pub(a), csrfToken: csrf }, { 'set-cookie': `wm_session=${token}; HttpOnly; SameSite=Strict; Path=/` });
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  if (!p.startsWith('/api/')) {
    const file = normalize(join(root, p === '/' ? 'index.html' : p));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) return fail(res, 404, 'not_found', 'no such file');
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    return res.end(readFileSync(file));
  }
  const s = sessionOf(req);
  if (req.method !== 'GET' && s && req.headers['x-csrf-token'] !== s.csrf) return fail(res, 403, 'csrf', 'missing or wrong CSRF token');
  const b = req.method === 'GET' ? {} : await body(req);
  if (b === null) return fail(res, 400, 'bad_json', 'the body is not JSON');
  if (p === '/api/register' && req.method === 'POST') {
    const u = String(b.username || '').toLowerCase();
    if (!/^[a-z0-9_]{3,24}$/.test(u)) return fail(res, 400, 'bad_request', 'username: 3-24 of a-z, 0-9, _');
    if (String(b.password || '').length < 12) return fail(res, 400, 'bad_request', 'password: at least 12 characters');
    if (accounts.has(u)) return fail(res, 409, 'taken', 'that username is taken');
    const a = { id: nextId++, username: u, role: accounts.size === 0 ? 'admin' : 'visitor', createdAt: new Date().toISOString(), password: b.password, avatar: null };
    accounts.set(u, a);
    return login(res, a, 201);
  }
  if (p === '/api/login' && req.method === 'POST') {
    const a = accounts.get(String(b.username || '').toLowerCase());
    if (!a || a.password !== b.password) return fail(res, 401, 'bad_credentials', 'wrong username or password');
    return login(res, a, 200);
  }
  if (!s) return fail(res, 401, 'unauthenticated', 'log in first');
  const a = s.account;
  if (p === '/api/session') return send(res, 200, { account: pub(a), csrfToken: s.csrf });
  if (p === '/api/logout') { sessions.delete(s.token); return send(res, 204); }
  if (p === '/api/avatar' && req.method === 'GET') return a.avatar ? send(res, 200, a.avatar) : fail(res, 404, 'not_found', 'no avatar yet');
  if (p === '/api/avatar' && req.method === 'PUT') {
    a.avatar = { accountId: a.id, name: String(b.name || a.username).slice(0, 32), appearance: b.appearance };
    return send(res, 200, a.avatar);
  }
  if (p === '/api/spaces') return send(res, 200, world.map((sp) => ({ id: sp.id, name: sp.name, kind: sp.kind, visibility: sp.visibility, capacity: sp.capacity, people: [...conns].filter((c) => c.space === sp.id).length })));
  if (p.startsWith('/api/admin/')) {
    if (a.role !== 'admin') return fail(res, 403, 'forbidden', 'admins only');
    if (p === '/api/admin/accounts') return send(res, 200, [...accounts.values()].map(pub));
    const m = /^\/api\/admin\/accounts\/([^/]+)\/role$/.exec(p);
    if (m && req.method === 'PUT') { const t = accounts.get(decodeURIComponent(m[1])); if (!t) return fail(res, 404, 'not_found', 'no such account'); t.role = b.role; return send(res, 204); }
    if (p === '/api/admin/stats') return send(res, 200, { connections: conns.size, instances: world.map((sp) => ({ space: sp.id, instance: 1, people: [...conns].filter((c) => c.space === sp.id).length })), eventsQueued: 0 });
    if (p === '/api/admin/events') {
      const kinds = url.searchParams.getAll('kind');
      const ev = events.filter((e) => (!kinds.length || kinds.includes(e.kind)) && (!url.searchParams.get('user') || e.username === url.searchParams.get('user')) && (!url.searchParams.get('space') || e.space === url.searchParams.get('space')));
      const fmt = url.searchParams.get('format');
      if (fmt === 'jsonl') { res.writeHead(200, { 'content-type': 'application/x-ndjson' }); return res.end(ev.map((e) => JSON.stringify(e)).join('\n')); }
      if (fmt === 'csv') { res.writeHead(200, { 'content-type': 'text/csv' }); return res.end('id,at,account_id,username,space,kind,payload\n' + ev.map((e) => [e.id, e.at, e.accountId, e.username, e.space, e.kind, JSON.stringify(JSON.stringify(e.payload))].join(',')).join('\n')); }
      return send(res, 200, ev);
    }
  }
  return fail(res, 404, 'not_found', `no route ${req.method} ${p}`);
});

const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, sock, head) => {
  const s = new URL(req.url, 'http://x').pathname === '/ws' && sessionOf(req);
  if (!s) return sock.destroy();
  wss.handleUpgrade(req, sock, head, (ws) => onSocket(ws, s.account));
});
const out = (c, m) => c.ws.readyState === 1 && c.ws.send(JSON.stringify({ v: 1, ...m }));
const presence = (c) => ({ id: c.account.id, name: c.account.avatar.name, appearance: c.account.avatar.appearance, x: c.x, z: c.z, ry: c.ry, role: c.account.role });
const peers = (c) => [...conns].filter((o) => o !== c && o.space && o.space === c.space);

function onSocket(ws, account) {
  const c = { ws, account, space: null, x: 0, z: 0, ry: 0, muted: 0 };
  conns.add(c);
  out(c, { type: 'welcome', you: { ...pub(account), avatar: account.avatar }, tickHz: 20, serverTime: new Date().toISOString() });
  const leave = () => {
    if (!c.space) return;
    for (const o of peers(c)) (o.exited ||= []).push(account.id);
    log(account, c.space, 'leave');
    c.space = null;
  };
  ws.on('close', () => { leave(); conns.delete(c); });
  ws.on('message', (data) => {
    let m;
    try { m = JSON.parse(String(data)); } catch { return out(c, { type: 'error', code: 'bad_json', message: 'not JSON' }); }
    if (m.v !== 1) return out(c, { type: 'error', code: 'unsupported_version', message: 'v must be 1', ref: m.type });
    const sp = world.find((w) => w.id === c.space);
    switch (m.type) {
      case 'join': {
        const target = world.find((w) => w.id === m.space);
        if (!target) return out(c, { type: 'error', code: 'not_found', message: `no space ${m.space}`, ref: 'join' });
        if (!account.avatar) return out(c, { type: 'error', code: 'no_avatar', message: 'create an avatar first', ref: 'join' });
        leave();
        const back = m.via && target.layout.portals.find((p) => p.target === sp?.id);
        const spawn = back ? { x: back.x + (target.layout.width / 2 - back.x) * 0.12, z: back.z + (target.layout.depth / 2 - back.z) * 0.12 } : target.layout.spawns[Math.floor(Math.random() * target.layout.spawns.length)];
        Object.assign(c, { space: target.id, x: spawn.x, z: spawn.z, ry: 0, seq: 0 });
        out(c, { type: 'joined', space: target, instance: 1, self: presence(c), others: peers(c).map(presence) });
        for (const o of peers(c)) (o.entered ||= []).push(presence(c));
        return log(account, target.id, 'join', { via: m.via ?? null });
      }
      case 'leave': leave(); return out(c, { type: 'left', space: sp?.id });
      case 'move':
        if (!sp) return out(c, { type: 'error', code: 'not_in_space', message: 'join a space first', ref: 'move' });
        if (!walkable(sp.layout, m.x, m.z)) return out(c, { type: 'correction', x: c.x, z: c.z, seq: m.seq });
        Object.assign(c, { x: m.x, z: m.z, ry: m.ry, seq: m.seq });
        for (const o of peers(c)) (o.moved ||= new Map()).set(account.id, { id: account.id, x: c.x, z: c.z, ry: c.ry, seq: m.seq });
        return;
      case 'chat': {
        if (!sp) return out(c, { type: 'error', code: 'not_in_space', message: 'join a space first', ref: 'chat' });
        const text = typeof m.text === 'string' ? m.text : '';
        if (!text || text.length > 500) return out(c, { type: 'error', code: 'bad_message', message: 'chat needs a text of 1-500 characters', ref: 'chat' });
        if (c.muted > Date.now()) return out(c, { type: 'error', code: 'muted', message: 'you are muted', ref: 'chat' });
        log(account, sp.id, 'chat', { text });
        for (const o of [c, ...peers(c)]) out(o, { type: 'chat', from: { id: account.id, name: account.avatar.name }, text, at: new Date().toISOString() });
        return;
      }
      case 'act': {
        const it = sp?.layout.items.find((i) => i.id === m.item);
        if (!it) return out(c, { type: 'error', code: 'not_found', message: 'no such item here', ref: 'act' });
        log(account, sp.id, { view: 'item_view', like: 'like', purchase: 'purchase' }[m.action] || m.action, { item: it.id });
        return out(c, { type: 'acted', action: m.action, item: it.id });
      }
      case 'moderate': {
        if (account.role !== 'admin') return out(c, { type: 'error', code: 'forbidden', message: 'only moderators may do that', ref: 'moderate' });
        const t = [...conns].find((o) => o.account.id === m.target);
        if (!t) return out(c, { type: 'error', code: 'not_found', message: 'no such person', ref: 'moderate' });
        if (m.action === 'mute') t.muted = Date.now() + (m.seconds || 300) * 1000;
        out(t, { type: 'moderated', action: m.action, by: account.avatar.name, reason: m.reason ?? null, until: m.action === 'mute' ? new Date(t.muted).toISOString() : undefined });
        if (m.action !== 'mute') { const was = t.space; for (const o of peers(t)) (o.exited ||= []).push(t.account.id); t.space = null; out(t, { type: 'left', space: was }); }
        return;
      }
      case 'ping': return out(c, { type: 'pong', t: m.t, serverTime: new Date().toISOString() });
      default: return out(c, { type: 'error', code: 'unknown_type', message: `unknown type ${m.type}`, ref: m.type });
    }
  });
}

setInterval(() => {
  tick++;
  for (const c of conns) {
    if (!c.moved && !c.entered && !c.exited) continue;
    out(c, { type: 'delta', tick, moved: [...(c.moved?.values() || [])], entered: c.entered || [], exited: c.exited || [] });
    c.moved = c.entered = c.exited = null;
  }
}, 50);

server.listen(port, '127.0.0.1', () => console.log(`mock world server on http://127.0.0.1:${port}/`));
