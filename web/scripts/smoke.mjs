#!/usr/bin/env node
// Browser smoke test of the client against a running server (the mock server or the real one):
// two headless Chromium users register, create avatars, see each other, chat, walk and travel.
// Usage: node scripts/smoke.mjs [base-url]      (screenshots go to preview-shots/smoke-*.png)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] || 'http://127.0.0.1:8097';
const port = 9515 + Math.floor(Math.random() * 400);
const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'wm-chrome-'));
const driver = spawn('/usr/bin/chromedriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, TMPDIR: tmp } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const wd = async (method, path, body) => {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body), signal: AbortSignal.timeout(30000) });
  const j = await r.json();
  if (j.value && j.value.error) throw new Error(`${path}: ${j.value.error}: ${j.value.message}`);
  return j.value;
};
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecc';

const sessions = [];
// Close the browsers however the run ends, so no headless Chromium is left behind eating the CPU.
async function cleanup() {
  await Promise.all(sessions.map((id) => wd('DELETE', `/session/${id}`).catch(() => {})));
  driver.kill();
}
setTimeout(async () => {
  console.error('FAIL the smoke test took longer than 4 minutes');
  await cleanup();
  process.exit(1);
}, 240000).unref();

async function browser() {
  const s = await wd('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'chrome', 'goog:loggingPrefs': { browser: 'ALL' }, 'goog:chromeOptions': { binary: '/usr/lib/chromium/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1024,640'] } } } });
  const id = s.sessionId;
  sessions.push(id);
  const b = {
    go: (url) => wd('POST', `/session/${id}/url`, { url }),
    js: (script, ...args) => wd('POST', `/session/${id}/execute/sync`, { script, args }),
    find: async (css) => {
      const v = await wd("POST", `/session/${id}/element`, { using: "css selector", value: css });
      return v[ELEMENT] ?? Object.values(v)[0];
    },
    click: async (css) => wd('POST', `/session/${id}/element/${await b.find(css)}/click`, {}),
    type: async (css, text) => wd('POST', `/session/${id}/element/${await b.find(css)}/value`, { text }),
    keys: (actions) => wd('POST', `/session/${id}/actions`, { actions: [{ type: 'key', id: 'kb', actions }] }),
    shot: async (file) => writeFileSync(file, Buffer.from(await wd('GET', `/session/${id}/screenshot`), 'base64')),
    logs: () => wd('POST', `/session/${id}/se/log`, { type: 'browser' }).catch(() => []),
    until: async (what, script, ms = 20000) => {
      for (const t0 = Date.now(); Date.now() - t0 < ms; await sleep(200)) if (await b.js(script)) return;
      throw new Error(`timed out waiting for ${what}`);
    },
    quit: () => wd('DELETE', `/session/${id}`),
  };
  return b;
}

const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exitCode = 1;
};

async function enter(b, user, name) {
  await b.go(base + '/');
  await b.until('login card', "return !document.querySelector('#auth').hidden");
  await b.type('#username', user);
  await b.type('#password', 'correct horse battery');
  await b.click('#register-button');
  await b.until('avatar editor', "return !document.querySelector('#editor').hidden");
  await b.type('#avatar-name', name);
  await b.click('#avatar-save');
  await b.until('ready', 'return window.worldmind && window.worldmind.ready === true');
}

try {
  for (let i = 0; i < 50; i++) { try { await wd('GET', '/status'); break; } catch { await sleep(100); } }
  mkdirSync('preview-shots', { recursive: true });
  const suffix = Date.now().toString(36).slice(-5);
  const a = await browser(), b = await browser();
  await enter(a, `alice_${suffix}`, 'Alice');
  await enter(b, `bob_${suffix}`, 'Bob');
  const sa = await a.js('return window.worldmind.state()');
  check(sa.connected && sa.space === 'plaza' && sa.self.name === 'Alice', `Alice is in the plaza: ${JSON.stringify(sa.self)}`);
  await a.until('Alice sees Bob', "return window.worldmind.state().others.some(o => o.name === 'Bob')");
  check(true, 'Alice sees Bob');
  check(await a.js("return !!document.querySelector('.nametag[data-account-id]')"), 'name tags are DOM elements with account ids');
  await a.js("document.querySelector('#chat-input').focus()");
  await a.type('#chat-input', 'hello <b>world</b>\n');
  await b.until('Bob gets the chat', "return window.worldmind.chat().some(c => c.from === 'Alice' && c.text === 'hello <b>world</b>')");
  check(await b.js("return [...document.querySelectorAll('#chat-log .chat-line:not(.system)')].some(l => l.querySelector('.from').textContent === 'Alice' && !l.querySelector('b'))"), 'chat line shows text, not HTML');
  const before = (await a.js('return window.worldmind.state()')).self;
  await a.js("document.activeElement.blur()");
  await a.keys([{ type: 'keyDown', value: 'w' }, { type: 'pause', duration: 800 }, { type: 'keyUp', value: 'w' }]);
  await sleep(500);
  const after = (await a.js('return window.worldmind.state()')).self;
  const walked = Math.hypot(after.x - before.x, after.z - before.z);
  check(walked > 1.5 && walked < 4.5, `W walks about 4 m/s (${walked.toFixed(2)} m in 0.8 s)`);
  await b.until('Bob sees Alice move', `const o = window.worldmind.state().others.find(o => o.name === 'Alice'); return o && Math.hypot(o.x - ${after.x}, o.z - ${after.z}) < 0.05`);
  check(true, 'Bob sees where Alice went');
  await a.shot('preview-shots/smoke-plaza.png');
  await a.js("document.querySelector('#space-list button[data-space=\"museum\"]').click()");
  await a.until('Alice in the museum', "return window.worldmind.state().space === 'museum' && window.worldmind.ready");
  check((await a.js('return document.querySelector("#space-name").textContent')) === 'City Museum', 'top bar shows the museum');
  await b.until('Bob no longer sees Alice', "return !window.worldmind.state().others.some(o => o.name === 'Alice')");
  check(true, 'Alice left Bob\'s plaza');
  await sleep(800);
  await a.shot('preview-shots/smoke-museum.png');
  const errors = [...(await a.logs()), ...(await b.logs())].filter((l) => l.level === 'SEVERE' && !/\/api\/session - .*401|\/api\/avatar - .*404/.test(l.message)).map((l) => l.message);
  // (401 from /api/session and 404 from /api/avatar are the expected first-visit answers.)
  check(errors.length === 0, `no console errors${errors.length ? ':\n  ' + errors.join('\n  ') : ''}`);
} catch (e) {
  console.error('FAIL', e.message);
  process.exitCode = 1;
} finally {
  await cleanup();
}
