// What the page reads out of GET /api/models (pure functions): which models are image classifiers,
// every "name:version" reference, the DJL versions one can try, the ONNX export that belongs to a
// DJL version, and metric values for tables.

export const IMAGE_CLASSIFIER = 'image-classifier';

/**
 * A model's kind. ModelStatus may name it (`kind` on the model or its versions); when it does not,
 * an image classifier is a DJL or ONNX model with a network architecture, and anything else
 * (runtime `java`, or no architecture) is another kind.
 */
export function kindOf(model) {
  const versions = model?.versions ?? [];
  const named = model?.kind || versions.find((v) => v.kind)?.kind;
  if (named) return named;
  const readable = versions.filter((v) => v.runtime);
  if (!readable.length) return 'unknown';
  return readable.some((v) => (v.runtime === 'djl' || v.runtime === 'onnx') && v.architecture) ? IMAGE_CLASSIFIER : 'other';
}

export const isImageClassifier = (model) => kindOf(model) === IMAGE_CLASSIFIER;

export const ref = (name, version) => `${name}:${version}`;

/** "name:3" → {name, version: 3}, or null. */
export function parseRef(text) {
  const m = /^(.+):(\d+)$/.exec(String(text ?? ''));
  return m ? { name: m[1], version: Number(m[2]) } : null;
}

/** Every version of every model as {name, version, ref, runtime, ...the version}, by name then version. */
export function allVersions(models) {
  const out = [];
  for (const m of [...(models ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const v of [...(m.versions ?? [])].sort((a, b) => a.version - b.version)) {
      out.push({ ...v, name: m.name, ref: ref(m.name, v.version) });
    }
  }
  return out;
}

/**
 * The DJL versions of image classifiers one can try, newest first within a model, the model's
 * default version (when it is DJL) marked `isDefault`.
 */
export function tryableVersions(models) {
  const out = [];
  for (const m of models ?? []) {
    if (!isImageClassifier(m)) continue;
    const djl = (m.versions ?? []).filter((v) => v.runtime === 'djl' && !v.problem).sort((a, b) => b.version - a.version);
    for (const v of djl) out.push({ name: m.name, version: v.version, ref: ref(m.name, v.version), isDefault: v.version === m.defaultVersion });
  }
  // Versions with a browser export first (the digit CNN that start exports), then by name.
  const exported = (c) => (pickOnnx(models, c.name, c.version) ? 0 : 1);
  return out.sort((a, b) => exported(a) - exported(b));
}

/**
 * The ONNX version to run in the browser for the DJL version `name:version`: one derived from
 * exactly it (any model name; an uncompressed export before a quantised one, then the newest),
 * else the newest ONNX version of the same model. Null when there is none.
 */
export function pickOnnx(models, name, version) {
  const want = ref(name, version);
  const onnx = allVersions(models).filter((v) => v.runtime === 'onnx' && !v.problem);
  const byPreference = (a, b) => (a.compression ? 1 : 0) - (b.compression ? 1 : 0) || b.version - a.version;
  const exact = onnx.filter((v) => v.derivedFrom === want).sort(byPreference);
  if (exact.length) return exact[0];
  const sameName = onnx.filter((v) => v.name === name).sort(byPreference);
  return sameName[0] ?? null;
}

/** The metric names used by any of the versions, sorted. */
export function metricNames(versions) {
  const names = new Set();
  for (const v of versions ?? []) for (const k of Object.keys(v.metrics ?? {})) names.add(k);
  return [...names].sort();
}

/** A metric value for a table: up to four decimals, integers as they are, missing as "–". */
export function formatMetric(value) {
  if (value == null || value === '') return '–';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 1000 ? n.toFixed(1) : String(Number(n.toFixed(4)));
}
