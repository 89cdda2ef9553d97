// The Models tab: every registered model and version (GET /api/models), one version in detail
// (modeldetail.js), promote to stable / rollback (admins), and two versions compared.
import * as api from '../api.js';
import { el, say } from './format.js';
import { allVersions, ref, parseRef, kindOf } from './catalog.js';
import { showDetails, details, forget } from './modeldetail.js';
import { compare } from './compare.js';

const $ = (s) => document.querySelector(s);
let selected = null; // {name, version}

export async function open(ctx) {
  $('#promote').onclick = () => moveAlias(ctx, 'promote');
  $('#rollback').onclick = () => moveAlias(ctx, 'rollback');
  if (!ctx.isAdmin) {
    for (const b of [$('#promote'), $('#rollback')]) {
      b.disabled = true;
      b.title = 'Only admins move the stable alias';
    }
  }
  $('#models-list').onclick = (e) => {
    const b = e.target.closest('[data-ref]');
    if (b) select(parseRef(b.dataset.ref));
  };
  $('#model-body').onclick = (e) => {
    const a = e.target.closest('a[data-ref]');
    if (!a) return;
    e.preventDefault();
    select(parseRef(a.dataset.ref));
  };
  $('#compare-form').onsubmit = (e) => {
    e.preventDefault();
    compare($('#compare-a').value, $('#compare-b').value, $('#compare-result'));
  };
  await load(ctx, true);
}

export function shown(ctx) {
  load(ctx, true);
}

async function load(ctx, fresh) {
  const models = await ctx.modelsFor($('#models-note'), fresh);
  if (!models) return;
  say($('#models-note'), models.length ? '' : 'No models are registered yet: train one in Jobs.', 'info');
  $('#models-list').replaceChildren(...models.map((m) => modelEntry(m)));
  const refs = allVersions(models).map((v) => v.ref);
  for (const [i, id] of [[0, '#compare-a'], [1, '#compare-b']]) {
    const s = $(id);
    const keep = s.value;
    s.replaceChildren(...refs.map((r) => new Option(r, r)));
    s.value = refs.includes(keep) ? keep : refs[Math.min(i, refs.length - 1)] ?? '';
  }
  if (selected) mark();
}

function modelEntry(m) {
  const stable = m.aliases?.stable;
  const list = el('ul', {});
  for (const v of [...(m.versions ?? [])].sort((a, b) => b.version - a.version)) {
    const tags = [v.runtime, v.compression, v.derivedFrom ? `from ${v.derivedFrom}` : ''].filter(Boolean).join(' · ');
    const b = el(
      'button',
      { type: 'button', class: 'version', 'data-ref': ref(m.name, v.version), title: v.problem || tags },
      el('span', { text: `v${v.version}` }),
      stable === v.version ? el('span', { class: 'badge done', text: 'stable' }) : null,
      v.version === m.defaultVersion ? el('span', { class: 'badge', text: 'default' }) : null,
      v.loaded ? el('span', { class: 'badge running', text: 'loaded' }) : null,
      el('span', { class: 'sub', text: ` ${tags}` }),
      v.problem ? el('div', { class: 'problem', text: v.problem }) : null,
    );
    list.append(el('li', {}, b));
  }
  return el('div', { class: 'model' }, el('h3', { text: m.name }, el('span', { class: 'sub', text: ` ${kindOf(m)}` })), list);
}

function mark() {
  const want = selected ? ref(selected.name, selected.version) : '';
  for (const b of document.querySelectorAll('#models-list [data-ref]')) b.classList.toggle('selected', b.dataset.ref === want);
}

async function select(r) {
  if (!r) return;
  selected = r;
  mark();
  $('#model-detail').hidden = false;
  $('#model-title').textContent = ref(r.name, r.version);
  say($('#alias-note'), '');
  try {
    const d = await details(r.name, r.version);
    if (selected !== r) return;
    showStable(d.aliases?.aliases?.stable);
    showDetails($('#model-body'), d);
  } catch (e) {
    $('#model-body').replaceChildren(el('div', { class: 'error', text: `Cannot read ${ref(r.name, r.version)}: ${e.message}` }));
  }
}

function showStable(version) {
  $('#alias-stable').textContent = version == null ? 'none' : `${selected.name}:${version}`;
}

async function moveAlias(ctx, how) {
  if (!selected) return;
  const { name, version } = selected;
  const note = $('#alias-note');
  try {
    const aliases =
      how === 'promote'
        ? await api.api('PUT', `/api/models/${encodeURIComponent(name)}/aliases/stable`, { version })
        : await api.api('POST', `/api/models/${encodeURIComponent(name)}/rollback`);
    const stable = aliases?.aliases?.stable;
    showStable(stable);
    forget();
    await load(ctx, true);
    await select({ name, version });
    say(note, how === 'promote' ? `stable is now ${name}:${stable}` : `rolled back: stable is now ${stable == null ? 'unset' : `${name}:${stable}`}`, 'info');
  } catch (e) {
    say(note, e.message);
  }
}
