// "Try a model": a digit drawn (or a picture loaded) is classified twice — on the server by the
// DJL version (with a Grad-CAM explanation) and on this device by its ONNX export in
// onnxruntime-web — and the two answers are shown side by side with their latencies and the
// largest difference between their probabilities.
import * as api from '../api.js';
import { say } from './format.js';
import { tryableVersions, pickOnnx, parseRef, ref } from './catalog.js';
import { maxAbsDiff, formatDiff } from './digit.js';
import { queuedMessage } from './jobstate.js';
import { DrawPad, drawInput } from './drawpad.js';
import { overlayPixels } from '../ui/heatmap.js';

const $ = (s) => document.querySelector(s);
let pad = null;
let models = [];
const classNames = new Map(); // "name:v" → Promise of class names

export async function open(ctx) {
  pad = new DrawPad($('#draw'));
  $('#clear').onclick = () => {
    pad.clear();
    reset();
  };
  $('#try-file').onchange = async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      await pad.loadPicture(file);
      say($('#try-note'), '');
    } catch (err) {
      say($('#try-note'), `That picture cannot be read: ${err.message}`);
    }
  };
  $('#classify').onclick = () => run();
  $('#try-model').onchange = () => updateOnnx();
  $('#export-onnx').onclick = () => queueExport(ctx);
  await load(ctx, false);
}

export function shown(ctx) {
  load(ctx, true);
}

async function load(ctx, fresh) {
  const listed = await ctx.modelsFor($('#try-note'), fresh);
  if (!listed) return; // the old list stays, for the version already chosen
  models = listed;
  const choices = tryableVersions(models);
  const select = $('#try-model');
  const keep = select.value;
  select.replaceChildren(...choices.map((c) => new Option(`${c.ref}${c.isDefault ? ' (default)' : ''}`, c.ref)));
  if (choices.some((c) => c.ref === keep)) select.value = keep;
  $('#classify').disabled = !choices.length;
  say($('#try-note'), choices.length ? '' : 'No image classifier is registered yet: queue a "train" job in Jobs.', 'info');
  updateOnnx();
}

/** The ONNX version that runs in the browser for the chosen DJL version, or null. */
function onnxFor() {
  const r = parseRef($('#try-model').value);
  return r ? pickOnnx(models, r.name, r.version) : null;
}

function updateOnnx() {
  const r = parseRef($('#try-model').value);
  const onnx = onnxFor();
  $('#export-onnx').hidden = !r || Boolean(onnx);
  $('#try-onnx').textContent = !r ? '' : onnx ? `In the browser: ${onnx.ref} (ONNX${onnx.compression ? `, ${onnx.compression}` : ''})` : 'No browser export yet';
  reset();
}

async function queueExport(ctx) {
  const r = parseRef($('#try-model').value);
  if (!r) return;
  try {
    const job = await api.api('POST', '/api/jobs', { kind: 'export', settings: { model: ref(r.name, r.version) } });
    say($('#try-note'), `${queuedMessage(job)} The browser export appears here when it is done (see Jobs).`, 'info');
  } catch (e) {
    say($('#try-note'), e.message);
  }
}

function reset() {
  for (const id of ['server-label', 'device-label', 'server-ms', 'device-ms', 'prob-diff']) $(`#${id}`).textContent = '–';
  for (const id of ['server-prob', 'device-prob', 'server-note', 'device-note']) $(`#${id}`).textContent = '';
  for (const id of ['gradcam', 'device-input']) {
    const c = $(`#${id}`);
    c.getContext('2d').clearRect(0, 0, c.width, c.height);
  }
}

async function run() {
  const r = parseRef($('#try-model').value);
  if (!r) return;
  const pixels = pad.pixels();
  reset();
  if (!pixels) return say($('#try-note'), 'Draw a digit (or load a picture) first.');
  say($('#try-note'), '');
  drawInput($('#device-input'), pixels);
  $('#classify').disabled = true;
  try {
    // One after the other: the device's WebAssembly run would otherwise hold up the server's timing.
    const server = await onServer(r, pixels);
    const device = await onDevice(r, pixels);
    $('#prob-diff').textContent = server && device ? formatDiff(maxAbsDiff(server.probabilities, device.probabilities)) : '–';
  } finally {
    $('#classify').disabled = false;
  }
}

async function predict(r, pixels, explain) {
  const body = { instances: [Array.from(pixels)] };
  if (explain) body.explain = 'grad-cam';
  const start = performance.now();
  const answer = await api.api('POST', `/api/models/${encodeURIComponent(r.name)}/versions/${r.version}/predict`, body);
  return { answer, ms: performance.now() - start };
}

async function onServer(r, pixels) {
  const note = $('#server-note');
  let res;
  try {
    try {
      res = await predict(r, pixels, true);
    } catch (e) {
      // ONNX versions and models without convolutions refuse explanations: predict without one.
      if (e.status !== 400) throw e;
      res = await predict(r, pixels, false);
      say(note, `No explanation: ${e.message}`, 'info');
    }
  } catch (e) {
    say(note, e.message);
    return null;
  }
  const p = res.answer.predictions?.[0];
  if (!p) return say(note, 'The server sent no prediction.'), null;
  $('#server-label').textContent = p.label;
  $('#server-prob').textContent = `p = ${Number(p.probability).toFixed(4)} · ${res.answer.model}:${res.answer.version} (${res.answer.runtime})`;
  $('#server-ms').textContent = String(Math.round(res.ms));
  const x = res.answer.explanations?.[0];
  const canvas = drawInput($('#gradcam'), pixels);
  if (x && x.heatmap?.length === x.width * x.height) {
    const heat = document.createElement('canvas');
    heat.width = x.width;
    heat.height = x.height;
    heat.getContext('2d').putImageData(new ImageData(overlayPixels(x.heatmap), x.width, x.height), 0, 0);
    const g = canvas.getContext('2d');
    g.imageSmoothingEnabled = true;
    g.drawImage(heat, 0, 0, canvas.width, canvas.height);
    canvas.dataset.explained = x.method;
  } else {
    delete canvas.dataset.explained;
  }
  return p;
}

async function onDevice(r, pixels) {
  const note = $('#device-note');
  const onnx = onnxFor();
  if (!onnx) {
    say(note, 'No browser export yet: queue one with "Export for the browser".', 'info');
    return null;
  }
  try {
    const device = await import('./device.js');
    const t0 = performance.now();
    await device.sessionFor(onnx.name, onnx.version);
    const loadMs = performance.now() - t0;
    const out = await device.classifyOnDevice(onnx.name, onnx.version, pixels);
    const names = await classesOf(onnx.name, onnx.version);
    $('#device-label').textContent = names[out.index] ?? String(out.index);
    $('#device-prob').textContent = `p = ${out.probabilities[out.index].toFixed(4)} · ${onnx.ref} (onnx, WebAssembly)`;
    $('#device-ms').textContent = out.ms.toFixed(1);
    if (loadMs > 5) say(note, `model ready in ${Math.round(loadMs)} ms (download and compile, once)`, 'info');
    return out;
  } catch (e) {
    say(note, `The browser could not run ${onnx.ref}: ${e.message}`);
    return null;
  }
}

/** The class names of a version, from its manifest. */
function classesOf(name, version) {
  const key = ref(name, version);
  if (!classNames.has(key)) {
    const p = api
      .api('GET', `/api/models/${encodeURIComponent(name)}/versions/${version}/details`)
      .then((d) => d?.manifest?.classes ?? [])
      .catch(() => []);
    classNames.set(key, p);
  }
  return classNames.get(key);
}

