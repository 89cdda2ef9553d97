#!/usr/bin/env node
// Screenshots of preview.html for every space, through Debian's chromedriver and headless Chromium
// (software WebGL). Start `npm run dev -- --port 5199` first. Writes preview-shots/<space>-<view>.png
// and prints each page's console errors and average frame time.
// Usage: node scripts/shoot-previews.mjs [base-url] [space:view[:query] ...]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] || 'http://127.0.0.1:5199';
const spaces = ['plaza', 'museum', 'classroom', 'shop', 'clinic'];
const shots = process.argv.length > 3 ? process.argv.slice(3) : spaces.flatMap((s) => [`${s}:overview`, `${s}:walk`]);
const port = 9515 + Math.floor(Math.random() * 400);
const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'wm-chrome-'));
const driver = spawn('/usr/bin/chromedriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, TMPDIR: tmp } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const wd = async (method, path, body) => {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const j = await r.json();
  if (j.value && j.value.error) throw new Error(`${j.value.error}: ${j.value.message}`);
  return j.value;
};

try {
  for (let i = 0; i < 50; i++) { try { await wd('GET', '/status'); break; } catch { await sleep(100); } }
  const s = await wd('POST', '/session', { capabilities: { alwaysMatch: {
    browserName: 'chrome',
    'goog:loggingPrefs': { browser: 'ALL' },
    'goog:chromeOptions': { binary: '/usr/lib/chromium/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars', '--window-size=1280,800'] },
  } } });
  const id = s.sessionId;
  mkdirSync('preview-shots', { recursive: true });
  for (const shot of shots) {
    const [space, view, extra = ''] = shot.split(':');
    await wd('POST', `/session/${id}/url`, { url: `${base}/preview.html?space=${space}&view=${view}${extra ? '&' + extra : ''}` });
    let ready = false;
    for (let i = 0; i < 100 && !ready; i++) {
      ready = await wd('POST', `/session/${id}/execute/sync`, { script: 'return !!(window.worldmind && window.worldmind.ready)', args: [] });
      if (!ready) await sleep(200);
    }
    await sleep(1500);
    const ms = await wd('POST', `/session/${id}/execute/sync`, { script: 'return window.worldmind && window.worldmind.frameMs', args: [] });
    const png = await wd('GET', `/session/${id}/screenshot`);
    const file = `preview-shots/${space}-${view}${extra ? '-' + extra.replace(/[^a-z0-9]+/gi, '_') : ''}.png`;
    writeFileSync(file, Buffer.from(png, 'base64'));
    const logs = await wd('POST', `/session/${id}/se/log`, { type: 'browser' }).catch(() => []);
    const errors = logs.filter((l) => l.level === 'SEVERE' || l.level === 'WARNING').map((l) => l.message);
    console.log(`${file}: ready=${ready} frame=${ms ? ms.toFixed(1) : '?'} ms${errors.length ? '\n  ' + errors.join('\n  ') : ''}`);
  }
  await wd('DELETE', `/session/${id}`);
} finally {
  driver.kill();
}
