// The jobs queue's rules that the page applies, as pure functions: which buttons a state allows,
// how curve points from the detail request and the live stream merge, which chart a series goes
// on, and the example settings offered for each job kind.

export const STATES = ['queued', 'running', 'blocked', 'failed', 'cancelled', 'done'];

export const KINDS = ['train', 'evaluate', 'export', 'quantize', 'prune', 'gan', 'rl', 'language'];

const MODEL = { model: 'keras-cnn:1' };
export const EXAMPLES = {
  train: { dataset: 'mnist', epochs: 1 },
  evaluate: MODEL,
  export: MODEL,
  quantize: MODEL,
  prune: MODEL,
  gan: { dataset: 'mnist', epochs: 1, limitImages: 2000 },
  rl: {},
  language: {},
};

/** The example settings of a kind as the text the form shows. */
export const exampleText = (kind) => JSON.stringify(EXAMPLES[kind] ?? {});

/** A state as the page spells it (the server may send enum names in capitals). */
export const stateOf = (job) => String(job?.state ?? '').toLowerCase();

/** What a person may do with a job in this state: cancel what has not ended, retry what did not finish. */
export function allowedActions(state) {
  const s = String(state ?? '').toLowerCase();
  return {
    cancel: s === 'queued' || s === 'running' || s === 'blocked',
    retry: s === 'failed' || s === 'cancelled' || s === 'blocked',
  };
}

/** The charts and the series each shows; a series not listed gets a chart of its own. */
export const SERIES_GROUPS = [
  { id: 'loss', title: 'Loss', series: ['loss', 'validationLoss'] },
  { id: 'accuracy', title: 'Accuracy', series: ['accuracy', 'validationAccuracy'] },
  { id: 'reward', title: 'Reward', series: ['reward'] },
  { id: 'fid', title: 'FID', series: ['fid'] },
];

/** The chart group {id, title} a series belongs to. */
export function groupOf(series) {
  const known = SERIES_GROUPS.find((g) => g.series.includes(series));
  if (known) return { id: known.id, title: known.title };
  const s = String(series).toLowerCase();
  for (const g of SERIES_GROUPS) if (s.includes(g.id)) return { id: g.id, title: g.title };
  return { id: `series-${series}`, title: String(series) };
}

/**
 * Adds a point {series, x, y} to `bySeries` (a Map from series name to points sorted by x). A
 * point at an x already held replaces its y, so points seen both in the detail answer and on the
 * stream are drawn once. Returns whether anything changed.
 */
export function mergePoint(bySeries, point) {
  const x = Number(point?.x), y = Number(point?.y);
  if (!point || typeof point.series !== 'string' || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  let list = bySeries.get(point.series);
  if (!list) bySeries.set(point.series, (list = []));
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo < list.length && list[lo].x === x) {
    if (list[lo].y === y) return false;
    list[lo] = { x, y };
    return true;
  }
  list.splice(lo, 0, { x, y });
  return true;
}

/** All the points of a list, merged into a new Map. */
export function pointsBySeries(points) {
  const m = new Map();
  for (const p of points ?? []) mergePoint(m, p);
  return m;
}

/** The jobs list with one job inserted or replaced by id, newest id first. */
export function upsertJob(jobs, job) {
  const rest = jobs.filter((j) => j.id !== job.id);
  rest.push(job);
  return rest.sort((a, b) => b.id - a.id);
}

/** What the page says after POST /api/jobs: a new job, or the identical one already waiting. */
export const queuedMessage = (job) => (job.deduplicated ? `Already queued as job ${job.id}.` : `Queued as job ${job.id}.`);

/** Seconds left as people say them: "45 s", "3 min", "1 h 20 min"; empty when unknown. */
export function formatEta(seconds) {
  if (seconds == null || !Number.isFinite(Number(seconds)) || seconds < 0) return '';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600), m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The settings text of the form as an object, or an error message naming the problem. */
export function parseSettings(text) {
  const t = String(text ?? '').trim();
  if (!t) return { settings: {} };
  try {
    const v = JSON.parse(t);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return { error: 'Settings must be a JSON object, e.g. {"epochs": 1}.' };
    return { settings: v };
  } catch (e) {
    return { error: `Settings are not valid JSON: ${e.message}` };
  }
}
