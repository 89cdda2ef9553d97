// Runs the Studio's on-device classifier (src/studio/onnx.js) with onnxruntime-web's WebAssembly
// build in Node, on a tiny ONNX graph written here byte by byte with the export's contract: input
// `pixels` [N, 1, 28, 28], output `probabilities` [N, classes] after a softmax.
import { describe, it, expect } from 'vitest';
import * as ort from 'onnxruntime-web';
import { openSession, classify } from '../src/studio/onnx.js';

// ---- a minimal protobuf writer for onnx.proto ----
const varint = (v) => {
  let n = BigInt.asUintN(64, BigInt(v));
  const out = [];
  do {
    let b = Number(n & 0x7fn);
    n >>= 7n;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const bytes = (s) => (typeof s === 'string' ? [...new TextEncoder().encode(s)] : [...s]);
const field = (n, wire, payload) => [...varint((n << 3) | wire), ...payload];
const num = (n, v) => field(n, 0, varint(v));
const len = (n, payload) => field(n, 2, [...varint(payload.length), ...payload]);
const str = (n, s) => len(n, bytes(s));

const node = (op, inputs, outputs) => [...inputs.map((i) => str(1, i)).flat(), ...outputs.map((o) => str(2, o)).flat(), ...str(3, op + '_' + outputs[0]), ...str(4, op)];
const tensor = (name, dims, type, raw) => [...dims.map((d) => num(1, d)).flat(), ...num(2, type), ...str(8, name), ...len(9, raw)];
const valueInfo = (name, dims) => {
  const shape = dims.map((d) => len(1, typeof d === 'string' ? str(2, d) : num(1, d))).flat();
  return [...str(1, name), ...len(2, len(1, [...num(1, 1), ...len(2, shape)]))];
};

/** A softmax(flatten(pixels) · W + b) classifier as ONNX bytes. */
function linearModel(weights, bias) {
  const classes = bias.length;
  const f32 = (a) => new Uint8Array(Float32Array.from(a).buffer);
  const i64 = (a) => new Uint8Array(BigInt64Array.from(a.map(BigInt)).buffer);
  const graph = [
    ...len(1, node('Reshape', ['pixels', 'flat_shape'], ['flat'])),
    ...len(1, node('MatMul', ['flat', 'W'], ['logits'])),
    ...len(1, node('Add', ['logits', 'b'], ['scores'])),
    ...len(1, node('Softmax', ['scores'], ['probabilities'])),
    ...str(2, 'tiny'),
    ...len(5, tensor('flat_shape', [2], 7, i64([-1, 784]))),
    ...len(5, tensor('W', [784, classes], 1, f32(weights))),
    ...len(5, tensor('b', [classes], 1, f32(bias))),
    ...len(11, valueInfo('pixels', ['N', 1, 28, 28])),
    ...len(12, valueInfo('probabilities', ['N', classes])),
  ];
  return new Uint8Array([...num(1, 8), ...len(8, [...str(1, ''), ...num(2, 13)]), ...len(7, graph)]);
}

describe('the on-device classifier', () => {
  it('runs an exported graph on WebAssembly and returns softmax probabilities', async () => {
    ort.env.wasm.numThreads = 1;
    const classes = 3;
    const weights = Array.from({ length: 784 * classes }, (_, i) => ((i * 7919) % 13) / 100 - 0.06);
    const bias = [0.1, -0.2, 0.05];
    const session = await openSession(ort, linearModel(weights, bias));
    const pixels = Array.from({ length: 784 }, (_, i) => (i % 29) / 28);

    const { probabilities, index, ms } = await classify(ort, session, pixels);

    const logits = bias.map((b, c) => b + pixels.reduce((s, p, i) => s + p * weights[i * classes + c], 0));
    const e = logits.map((z) => Math.exp(z - Math.max(...logits)));
    const expected = e.map((v) => v / e.reduce((a, b) => a + b, 0));
    expect(probabilities).toHaveLength(classes);
    probabilities.forEach((p, c) => expect(p).toBeCloseTo(expected[c], 5));
    expect(index).toBe(expected.indexOf(Math.max(...expected)));
    expect(ms).toBeGreaterThanOrEqual(0);
    await session.release();
  }, 60000);
});
