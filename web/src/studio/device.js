// onnxruntime-web in this page: the WebAssembly backend only, one thread, no worker proxy (no
// SharedArrayBuffer or cross-origin isolation needed, and nothing is fetched from the network).
// Vite copies ort-wasm-simd-threaded.wasm into dist/assets/ (hashed name) and gives its URL
// relative to this module, so wasmPaths points at the file the server actually serves. The
// runtime's JavaScript glue is inside the bundled `onnxruntime-web/wasm` build.
import * as ort from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { openSession, classify } from './onnx.js';

ort.env.wasm.numThreads = 1;
ort.env.wasm.proxy = false;
ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, import.meta.url).href };

const sessions = new Map(); // "name:v" → Promise of a session

/** Downloads an ONNX version's bytes once and opens a session for it. */
export function sessionFor(name, version) {
  const key = `${name}:${version}`;
  if (!sessions.has(key)) {
    const p = (async () => {
      const r = await fetch(`/api/models/${encodeURIComponent(name)}/versions/${version}/onnx`, { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`the ONNX file of ${key} did not download (${r.status} ${r.statusText})`);
      return openSession(ort, await r.arrayBuffer());
    })();
    p.catch(() => sessions.delete(key));
    sessions.set(key, p);
  }
  return sessions.get(key);
}

/** Classifies 784 pixels on this device with the ONNX version `name:version`. */
export async function classifyOnDevice(name, version, pixels) {
  const session = await sessionFor(name, version);
  return classify(ort, session, pixels);
}

/** Where the runtime loads its WebAssembly from (shown on the page, read by tests). */
export const wasmLocation = () => ort.env.wasm.wasmPaths.wasm;
