// Runs an exported image classifier with an ONNX Runtime namespace passed in (the browser's
// onnxruntime-web, or Node's in the tests). The export's contract (docs/protocol.md): input
// `pixels` float32 [N, 1, 28, 28] in [0, 1] (normalisation is inside the graph), output
// `probabilities` [N, classes] (softmax applied).

/** An inference session for ONNX model bytes, on WebAssembly only. */
export async function openSession(ort, bytes) {
  return ort.InferenceSession.create(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
}

/**
 * The class probabilities for one 28×28 image (784 floats in [0, 1]) and how long the run took:
 * {probabilities: number[], index, ms}.
 */
export async function classify(ort, session, pixels, now = () => performance.now()) {
  const inputName = session.inputNames.includes('pixels') ? 'pixels' : session.inputNames[0];
  const outputName = session.outputNames.includes('probabilities') ? 'probabilities' : session.outputNames[0];
  const input = new ort.Tensor('float32', Float32Array.from(pixels), [1, 1, 28, 28]);
  const start = now();
  const out = await session.run({ [inputName]: input });
  const ms = now() - start;
  const probabilities = Array.from(out[outputName].data);
  input.dispose?.();
  out[outputName].dispose?.();
  let index = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[index]) index = i;
  return { probabilities, index, ms };
}
