// MNIST-style preprocessing of a drawing or a picture for the 28×28 digit models: light strokes on
// black, the ink's bounding box scaled so its longer side is 20 px (keeping the aspect ratio), then
// placed in a 28×28 field so that its centre of mass is the field's centre — how LeCun et al.
// prepared MNIST, so a drawing looks like the data the models learned from. Pure functions on
// arrays, no DOM: the page reads the canvas, these do the arithmetic (and are unit-tested).

export const FIELD = 28;
export const BOX = 20;

/**
 * Grey levels in [0, 1] from RGBA bytes (a canvas's ImageData.data). `invert`: true, false or
 * 'auto' (invert when the picture is mostly light, i.e. dark ink on paper, as the server does).
 */
export function toGray(rgba, width, height, invert = false) {
  const n = width * height;
  const gray = new Float32Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = rgba[i * 4 + 3] / 255;
    // Transparent pixels count as the background (black), so a PNG with alpha reads as drawn.
    const v = ((0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2]) / 255) * a;
    gray[i] = v;
    sum += v;
  }
  if (invert === true || (invert === 'auto' && sum / n > 0.5)) for (let i = 0; i < n; i++) gray[i] = 1 - gray[i];
  return gray;
}

/** The smallest box holding every pixel above `threshold`, or null when there is none. */
export function inkBounds(gray, width, height, threshold = 0.1) {
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (gray[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * Weights of an area-averaging resample along one axis: for each of `to` output cells, the source
 * cells it covers and by how much. Area averaging anti-aliases a shrink the way a camera would.
 */
function areaWeights(from, to) {
  const scale = from / to;
  const out = [];
  for (let i = 0; i < to; i++) {
    const start = i * scale, end = (i + 1) * scale;
    const cells = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const w = Math.min(end, s + 1) - Math.max(start, s);
      if (w > 1e-9) cells.push([s, w / scale]);
    }
    out.push(cells);
  }
  return out;
}

/** A `sw`×`sh` region of `src` (row stride `stride`, origin `ox`,`oy`) resampled to `dw`×`dh`. */
export function resample(src, stride, ox, oy, sw, sh, dw, dh) {
  const wx = areaWeights(sw, dw), wy = areaWeights(sh, dh);
  const rows = new Float32Array(sh * dw);
  for (let y = 0; y < sh; y++) {
    const base = (oy + y) * stride + ox;
    for (let x = 0; x < dw; x++) {
      let v = 0;
      for (const [s, w] of wx[x]) v += src[base + s] * w;
      rows[y * dw + x] = v;
    }
  }
  const out = new Float32Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      let v = 0;
      for (const [s, w] of wy[y]) v += rows[s * dw + x] * w;
      out[y * dw + x] = v;
    }
  }
  return out;
}

/** The centre of mass {x, y} of a `width`×`height` image, pixel i spanning [i, i + 1). */
export function centreOfMass(img, width, height) {
  let m = 0, mx = 0, my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = img[y * width + x];
      m += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return m > 0 ? { x: mx / m, y: my / m } : { x: width / 2, y: height / 2 };
}

/**
 * The 28×28 input (row-major Float32Array of 784 values in [0, 1], ink = 1) for grey levels of a
 * `width`×`height` picture with light ink on black, or null when there is no ink. The ink is
 * stretched so its brightest pixel is 1: faint pencil in a photo reads like a drawn stroke.
 */
export function preprocessDigit(gray, width, height, threshold = 0.1) {
  const box = inkBounds(gray, width, height, threshold);
  if (!box) return null;
  const scale = BOX / Math.max(box.width, box.height);
  const dw = Math.max(1, Math.min(BOX, Math.round(box.width * scale)));
  const dh = Math.max(1, Math.min(BOX, Math.round(box.height * scale)));
  const small = resample(gray, width, box.x, box.y, box.width, box.height, dw, dh);
  const com = centreOfMass(small, dw, dh);
  const clamp = (v, hi) => Math.max(0, Math.min(hi, v));
  const ox = clamp(Math.round(FIELD / 2 - com.x), FIELD - dw);
  const oy = clamp(Math.round(FIELD / 2 - com.y), FIELD - dh);
  let max = 0;
  for (const v of small) if (v > max) max = v;
  const out = new Float32Array(FIELD * FIELD);
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) out[(oy + y) * FIELD + ox + x] = Math.min(1, small[y * dw + x] / max);
  }
  return out;
}

/** The largest absolute difference between two probability vectors (Infinity if lengths differ). */
export function maxAbsDiff(a, b) {
  if (!a || !b || a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** A small number in plain decimal with two significant digits (3.1e-6 → "0.0000031"). */
export function formatDiff(d) {
  if (!Number.isFinite(d)) return '–';
  if (d === 0) return '0';
  if (d >= 0.01) return d.toFixed(3);
  const decimals = Math.min(20, 1 - Math.floor(Math.log10(d)));
  return d.toFixed(decimals);
}
