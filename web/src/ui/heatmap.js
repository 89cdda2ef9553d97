// Explanation overlays: a classifier's heatmap (values in [0, 1] at the input's resolution) drawn
// in colour over the picture it explains, more opaque where the attribution is higher.

/** A blue → cyan → yellow → red colour map. */
export function heatColour(v) {
  const t = Math.max(0, Math.min(1, v));
  const stops = [
    [0, [40, 60, 220]],
    [0.35, [40, 200, 230]],
    [0.65, [250, 220, 40]],
    [1, [230, 30, 30]],
  ];
  for (let i = 1; i < stops.length; i++) {
    const [t1, c1] = stops[i];
    const [t0, c0] = stops[i - 1];
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      return c0.map((c, k) => Math.round(c + (c1[k] - c) * f));
    }
  }
  return stops[stops.length - 1][1];
}

/** RGBA pixels of the overlay: coloured by the heat, alpha rising with it (0 stays clear). */
export function overlayPixels(heatmap, maxAlpha = 0.65) {
  const out = new Uint8ClampedArray(heatmap.length * 4);
  for (let i = 0; i < heatmap.length; i++) {
    const v = Math.max(0, Math.min(1, heatmap[i]));
    const [r, g, b] = heatColour(v);
    out.set([r, g, b, Math.round(255 * maxAlpha * Math.sqrt(v))], i * 4);
  }
  return out;
}

/**
 * Draws a picture (data URL) scaled to the canvas without smoothing, and the heatmap over it
 * (smoothed). Resolves when drawn.
 */
export async function drawExplanation(canvas, imageUrl, explanation) {
  const picture = await loadImage(imageUrl);
  const g = canvas.getContext('2d');
  g.imageSmoothingEnabled = false;
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.drawImage(picture, 0, 0, canvas.width, canvas.height);
  if (explanation && explanation.heatmap?.length === explanation.width * explanation.height) {
    const heat = document.createElement('canvas');
    heat.width = explanation.width;
    heat.height = explanation.height;
    heat.getContext('2d').putImageData(new ImageData(overlayPixels(explanation.heatmap), explanation.width, explanation.height), 0, 0);
    g.imageSmoothingEnabled = true;
    g.drawImage(heat, 0, 0, canvas.width, canvas.height);
  }
}

/** A data URL's picture, decoded (an ImageBitmap), or an error within 10 s. */
async function loadImage(url) {
  const blob = await (await fetch(url)).blob();
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the processed picture did not load')), 10000));
  return Promise.race([createImageBitmap(blob), timeout]);
}

/** How many of the canvas's pixels are coloured (not grey): the overlay's footprint, for tests. */
export function colouredPixels(canvas) {
  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[i + 1]) > 12 || Math.abs(d[i + 1] - d[i + 2]) > 12) n++;
  return n;
}
