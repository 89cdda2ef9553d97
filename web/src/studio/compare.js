// Two versions (of any models) side by side: their metrics, and their per-class F1 when both have
// an evaluation report.
import { el, td, th, say } from './format.js';
import { parseRef, formatMetric } from './catalog.js';
import { details } from './modeldetail.js';

export async function compare(refA, refB, out) {
  const a = parseRef(refA), b = parseRef(refB);
  if (!a || !b) return say(out, 'Pick two versions.');
  let da, db;
  try {
    [da, db] = await Promise.all([details(a.name, a.version), details(b.name, b.version)]);
  } catch (e) {
    return say(out, `Cannot compare: ${e.message}`);
  }
  const parts = [sideBySide('Metric', refA, refB, metrics(da), metrics(db), 'compare-metrics')];
  if (da.report && db.report) parts.push(sideBySide('F1 per class', refA, refB, f1s(da.report), f1s(db.report), 'compare-f1'));
  else parts.push(el('p', { class: 'sub', text: 'Per-class F1 needs an evaluation report for both versions.' }));
  out.replaceChildren(...parts);
}

/** The manifest's metrics plus the report's headline figures (the report wins where both have one). */
function metrics(d) {
  const m = { ...(d.manifest?.metrics ?? {}) };
  const r = d.report;
  if (r) for (const k of ['accuracy', 'macroF1', 'macroRocAuc']) if (r[k] != null) m[k] = r[k];
  return m;
}

const f1s = (report) => Object.fromEntries((report.perClass ?? []).map((c) => [c.label, c.f1]));

function sideBySide(what, refA, refB, a, b, id) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (what === 'Metric') keys.sort();
  const rows = keys.map((k) => {
    const x = a[k], y = b[k];
    const both = typeof x === 'number' && typeof y === 'number';
    const delta = both ? y - x : null;
    const d = td(delta == null ? '' : `${delta > 0 ? '+' : ''}${formatMetric(delta)}`, { class: delta > 0 ? 'up' : delta < 0 ? 'down' : '' });
    return el('tr', { 'data-key': k }, th(k), td(formatMetric(x)), td(formatMetric(y)), d);
  });
  const head = el('tr', {}, th(what), th(refA), th(refB), th('B − A'));
  return el('table', { id, class: 'compare' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
