// The Datasets tab: GET /api/datasets — each dataset present or not (with the problem and the
// command or step that fixes it), its sizes, its files with bytes and SHA-256, and a grid of
// sample images for image datasets.
import * as api from '../api.js';
import { el, td, formatBytes, shortHash, say } from './format.js';

const $ = (s) => document.querySelector(s);

export async function open() {
  await load();
}

export function shown() {
  load();
}

/**
 * Sizes as text: the counts the server names ({train, test} or one number) when it sends them,
 * else the bytes on disk and the number of classes.
 */
function sizes(d) {
  const s = d.sizes ?? d.size;
  if (s != null && typeof s !== 'object') return String(s);
  if (s) {
    return Object.entries(s)
      .filter(([, v]) => v != null)
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString() : v}`)
      .join(' · ');
  }
  const onDisk = (d.files ?? []).filter((f) => f.bytes >= 0).reduce((a, f) => a + f.bytes, 0);
  const parts = [];
  if (onDisk) parts.push(formatBytes(onDisk));
  if (d.classes?.length) parts.push(`${d.classes.length} classes`);
  return parts.join(' · ');
}

function status(d) {
  const cell = el('td', { class: 'status' });
  const present = d.present ?? (d.status === 'present' || (!d.problem && d.status == null));
  cell.append(el('span', { class: `badge ${present ? 'done' : 'failed'}`, text: present ? 'present' : d.status || 'missing' }));
  if (d.problem) cell.append(el('div', { class: 'problem', text: d.problem }));
  if (d.fix) cell.append(el('div', { class: 'fix' }, 'Fix: ', el('code', { text: d.fix })));
  return { cell, present };
}

function files(d) {
  const list = el('ul', { class: 'files' });
  for (const f of d.files ?? []) {
    const hash = f.sha256 ?? f.sha256Hex ?? f.hash ?? '';
    const bytes = f.bytes ?? f.size;
    const size = bytes < 0 ? 'missing' : formatBytes(bytes);
    list.append(el('li', {}, el('span', { class: 'file', text: f.name ?? f.path ?? '' }), ' ', el('span', { class: 'sub', text: size }), ' ', el('code', { title: hash, text: shortHash(hash) })));
  }
  return el('td', {}, list);
}

async function load() {
  const note = $('#datasets-note');
  let answer;
  try {
    answer = await api.api('GET', '/api/datasets');
  } catch (e) {
    return say(note, `Cannot list the datasets: ${e.message}`);
  }
  const datasets = Array.isArray(answer) ? answer : answer?.datasets ?? [];
  say(note, datasets.length ? '' : 'No datasets are known to this server.', 'info');
  const samples = $('#dataset-samples');
  samples.replaceChildren();
  $('#datasets-table tbody').replaceChildren(
    ...datasets.map((d) => {
      const id = d.id ?? d.name;
      const { cell, present } = status(d);
      const name = el(
        'td',
        {},
        el('strong', { text: d.name ?? id }),
        d.description ? el('div', { class: 'sub', text: d.description }) : null,
        d.source ? el('div', { class: 'sub', text: `from ${d.source}` }) : null,
      );
      const tr = el('tr', { 'data-dataset': id }, name, cell, td(sizes(d)), files(d));
      if (present && d.images !== false && d.samples !== false) samples.append(sampleGrid(id, d.name ?? id));
      return tr;
    }),
  );
}

function sampleGrid(id, name) {
  const img = el('img', { src: `/api/datasets/${encodeURIComponent(id)}/samples.png`, alt: `Sample images of ${name}`, loading: 'lazy' });
  const fig = el('figure', { class: 'samples' }, img, el('figcaption', { text: `Samples of ${name}` }));
  img.onerror = () => fig.replaceChildren(el('figcaption', { class: 'sub', text: `No samples of ${name} could be drawn.` }));
  return fig;
}
