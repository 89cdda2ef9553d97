// One model version in detail (GET /api/models/{name}/versions/{v}/details): what it is, its
// metrics, the per-class table and confusion matrix of its evaluation report, its training curves,
// its provenance, lineage and aliases.
import * as api from '../api.js';
import { el, td, th, table, formatTime } from './format.js';
import { formatMetric } from './catalog.js';
import { cellColour, rowTotals } from './confusion.js';
import { staticChart } from './charts.js';

const cache = new Map(); // "name:v" → Promise of details (registered versions do not change)

/** The details of a version, fetched once. */
export function details(name, version) {
  const key = `${name}:${version}`;
  if (!cache.has(key)) {
    const p = api.api('GET', `/api/models/${encodeURIComponent(name)}/versions/${version}/details`);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return cache.get(key);
}

/** Forgets cached details, whose aliases are stale after a promote or rollback. */
export const forget = () => cache.clear();

let charts = [];

export function showDetails(container, d) {
  for (const c of charts) c.destroy();
  charts = [];
  const m = d.manifest ?? {};
  const parts = [
    facts(m),
    section('Metrics', metricsTable(m.metrics)),
    section('Lineage', lineage(d.lineage)),
    section('Aliases', aliases(d.aliases)),
  ];
  if (d.report) parts.push(section('Evaluation report', reportSummary(d.report), perClass(d.report), confusion(d.report, m.classes)));
  else parts.push(section('Evaluation report', el('p', { class: 'sub', text: 'No evaluation report for this version: queue an "evaluate" job to make one.' })));
  const curves = el('div', { class: 'charts', id: 'model-curves' });
  parts.push(section(d.history ? `Training curves (best epoch ${d.history.bestEpoch ?? '–'})` : 'Training curves', d.history ? curves : el('p', { class: 'sub', text: 'No training history recorded for this version.' })));
  parts.push(collapsible('Provenance', m.provenance), collapsible('Manifest', m));
  container.replaceChildren(...parts);
  if (d.history) drawHistory(curves, d.history);
}

const section = (title, ...children) => el('div', { class: 'part' }, el('h4', { text: title }), ...children);

function facts(m) {
  const rows = [
    ['Kind', m.kind],
    ['Runtime', m.runtime],
    ['Architecture', typeof m.architecture === 'object' && m.architecture ? m.architecture.name : m.architecture],
    ['Classes', (m.classes ?? []).join(', ')],
    ['Derived from', m.derivedFrom],
    ['Compression', m.compression],
    ['Registered', formatTime(m.createdAt)],
  ].filter(([, v]) => v);
  return el('table', { class: 'facts' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, th(k), td(v)))));
}

function metricsTable(metrics) {
  const entries = Object.entries(metrics ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return el('p', { class: 'sub', text: 'No metrics.' });
  return table(['Metric', 'Value'], entries.map(([k, v]) => [k, formatMetric(v)]), { id: 'model-metrics' });
}

function lineage(refs) {
  const list = el('div', { id: 'lineage', class: 'lineage' });
  (refs ?? []).forEach((r, i) => {
    if (i) list.append(' ← ');
    list.append(el('a', { href: '#models', 'data-ref': r, text: r }));
  });
  if (!refs?.length) list.append('–');
  return list;
}

function aliases(a) {
  const current = Object.entries(a?.aliases ?? {});
  const box = el('div', { id: 'aliases' });
  if (!current.length) box.append(el('span', { class: 'sub', text: 'No aliases: the newest version is served.' }));
  for (const [name, v] of current) {
    const history = a.history?.[name] ?? [];
    box.append(el('div', {}, el('strong', { text: name }), ` → v${v}`, history.length > 1 ? el('span', { class: 'sub', text: ` (before: ${history.slice(1).map((h) => `v${h}`).join(', ')})` }) : null));
  }
  return box;
}

function reportSummary(r) {
  const items = [
    ['samples', r.samples],
    ['accuracy', r.accuracy],
    ['macro F1', r.macroF1],
    ['macro ROC AUC', r.macroRocAuc],
  ].filter(([, v]) => v != null);
  return el('div', { class: 'kpis' }, ...items.map(([k, v]) => el('div', { class: 'kpi' }, el('div', { class: 'big', text: formatMetric(v) }), el('div', { class: 'sub', text: k }))));
}

function perClass(r) {
  const rows = (r.perClass ?? []).map((c) => [c.label, formatMetric(c.precision), formatMetric(c.recall), formatMetric(c.f1), formatMetric(c.support)]);
  return table(['Class', 'Precision', 'Recall', 'F1', 'Support'], rows, { id: 'per-class' });
}

/** The confusion matrix: rows are true classes, columns predictions, one heat-coloured <td> per cell. */
function confusion(r, classes) {
  const matrix = r.confusion ?? [];
  if (!matrix.length) return el('p', { class: 'sub', text: 'No confusion matrix.' });
  const labels = matrix.map((_, i) => r.perClass?.[i]?.label ?? classes?.[i] ?? String(i));
  const totals = rowTotals(matrix);
  const head = el('tr', {}, th('true ╲ predicted', { class: 'corner' }), ...labels.map((l) => th(l, { title: `predicted ${l}` })));
  const body = matrix.map((cells, i) =>
    el(
      'tr',
      {},
      th(labels[i], { title: `true ${labels[i]}` }),
      ...cells.map((n, j) => {
        const cell = td(n, { title: `true ${labels[i]}, predicted ${labels[j]}: ${n} of ${totals[i]}` });
        const { background, color } = cellColour(n, totals[i], i === j);
        cell.style.background = background;
        cell.style.color = color;
        return cell;
      }),
    ),
  );
  return el('div', { class: 'scroll' }, el('table', { id: 'confusion', class: 'confusion' }, el('thead', {}, head), el('tbody', {}, ...body)));
}

function drawHistory(container, history) {
  const epochs = history.epochs ?? [];
  const series = (key) => epochs.filter((e) => e[key] != null).map((e) => ({ x: e.epoch, y: e[key] }));
  const loss = new Map([['trainLoss', series('trainLoss')], ['validationLoss', series('validationLoss')]]);
  const acc = new Map([['trainAccuracy', series('trainAccuracy')], ['validationAccuracy', series('validationAccuracy')]]);
  charts = [staticChart(container, 'Loss', loss), staticChart(container, 'Accuracy', acc)].filter(Boolean);
}

function collapsible(title, value) {
  return el('details', { class: 'json' }, el('summary', { text: title }), el('pre', { text: JSON.stringify(value ?? null, null, 2) }));
}
