// The Studio page (studio.html): who may see it, the tabs, and one shared cache of the model list.
// Each section is a module with an `open(ctx)` that builds it the first time its tab is shown.
// document.body.dataset.studio says where the page is: loading, ready, denied or error.
import * as api from '../api.js';
import { say } from './format.js';

const $ = (s) => document.querySelector(s);

const SECTIONS = {
  datasets: () => import('./datasets.js'),
  jobs: () => import('./jobs.js'),
  models: () => import('./models.js'),
  try: () => import('./try.js'),
  evaluations: () => import('./evaluations.js'),
};

let modelsPromise = null;

/** What the sections share: the account and the model list (fetched once, refreshed on demand). */
const ctx = {
  account: null,
  get isAdmin() {
    return ctx.account?.role === 'admin';
  },
  /** GET /api/models → [ModelStatus]; `fresh` refetches. */
  models(fresh = false) {
    if (fresh || !modelsPromise) {
      modelsPromise = api.api('GET', '/api/models').then((r) => r?.models ?? []);
      modelsPromise.catch(() => (modelsPromise = null));
    }
    return modelsPromise;
  },
  /** The model list for a tab, or null after saying in its `note` element why there is none. */
  async modelsFor(note, fresh = false) {
    try {
      return await ctx.models(fresh);
    } catch (e) {
      say(note, `Cannot list the models: ${e.message}`);
      return null;
    }
  },
  /** Shows another tab, e.g. after "queue an export" the jobs. */
  show: (tab) => showTab(tab),
};

const opened = new Map(); // tab → Promise of its module once opened

async function showTab(tab) {
  if (!SECTIONS[tab]) tab = 'datasets';
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== `panel-${tab}`;
  if (location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
  const first = !opened.has(tab);
  if (first) {
    const opening = SECTIONS[tab]().then(async (m) => {
      await m.open(ctx);
      return m;
    });
    opened.set(tab, opening);
  }
  try {
    const m = await opened.get(tab);
    if (!first) m.shown?.(ctx);
  } catch (e) {
    opened.delete(tab);
    say($('#studio-error'), e);
  }
}

function deny(why) {
  $('#studio').hidden = true;
  $('#studio-denied').hidden = false;
  $('#denied-why').textContent = why;
  document.body.dataset.studio = 'denied';
}

async function boot() {
  let s;
  try {
    s = await api.session();
  } catch (e) {
    if (e.status === 401) return deny('You are not logged in.');
    say($('#studio-error'), `The Studio cannot reach the Worldmind server: ${e.message}`);
    document.body.dataset.studio = 'error';
    return;
  }
  ctx.account = s.account;
  $('#who').textContent = `${s.account.username} (${s.account.role})`;
  $('#admin-link').hidden = !ctx.isAdmin;
  if (s.account.role !== 'creator' && s.account.role !== 'admin') {
    return deny(`Your account (${s.account.username}) is a ${s.account.role}; an admin can make it a creator on the admin page.`);
  }
  $('#studio').hidden = false;
  for (const b of document.querySelectorAll('.tabs button')) b.onclick = () => showTab(b.dataset.tab);
  addEventListener('hashchange', () => showTab(location.hash.slice(1)));
  await showTab(location.hash.slice(1) || 'datasets');
  document.body.dataset.studio = 'ready';
}

boot().catch((e) => {
  say($('#studio-error'), e);
  document.body.dataset.studio = 'error';
});
