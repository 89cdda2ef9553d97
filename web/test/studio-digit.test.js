import { describe, it, expect } from 'vitest';
import { toGray, inkBounds, preprocessDigit, centreOfMass, resample, maxAbsDiff, formatDiff, FIELD } from '../src/studio/digit.js';

const W = 280;
const blank = () => new Float32Array(W * W);
const rect = (img, x, y, w, h, v = 1) => {
  for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) img[j * W + i] = v;
  return img;
};
const at = (out, x, y) => out[y * FIELD + x];
const ink = (out) => inkBounds(out, FIELD, FIELD, 0.01);

describe('digit preprocessing', () => {
  it('finds no digit on an empty canvas', () => {
    expect(preprocessDigit(blank(), W, W)).toBeNull();
    expect(preprocessDigit(rect(blank(), 10, 10, 50, 50, 0.05), W, W)).toBeNull();
  });

  it('scales the longer side of the ink to 20 px and keeps the aspect ratio', () => {
    const wide = preprocessDigit(rect(blank(), 30, 100, 200, 100), W, W);
    expect(wide).toHaveLength(784);
    expect(ink(wide)).toMatchObject({ width: 20, height: 10 });
    const tall = preprocessDigit(rect(blank(), 100, 20, 40, 240), W, W);
    expect(ink(tall).height).toBe(20);
    expect(ink(tall).width).toBe(3);
  });

  it('puts the centre of mass in the middle wherever the digit was drawn', () => {
    const a = preprocessDigit(rect(blank(), 5, 5, 60, 90), W, W);
    const b = preprocessDigit(rect(blank(), 200, 170, 60, 90), W, W);
    expect(Array.from(a)).toEqual(Array.from(b));
    const c = centreOfMass(a, FIELD, FIELD);
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('centres by mass, not by the bounding box', () => {
    // An L: a heavy vertical bar and a thin foot; the mass sits left of the box's middle.
    const img = rect(rect(blank(), 50, 40, 40, 200), 90, 230, 100, 10);
    const out = preprocessDigit(img, W, W);
    const c = centreOfMass(out, FIELD, FIELD);
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    const box = ink(out);
    expect(box.x + box.width / 2).toBeGreaterThan(14.5);
  });

  it('gives values in [0, 1] with full-strength ink', () => {
    const out = preprocessDigit(rect(blank(), 40, 40, 100, 180, 0.6), W, W);
    expect(Math.max(...out)).toBeCloseTo(1, 5);
    expect(Math.min(...out)).toBe(0);
    expect(at(out, 0, 0)).toBe(0);
  });

  it('averages areas when shrinking', () => {
    const src = new Float32Array([1, 0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(resample(src, 4, 0, 0, 4, 2, 2, 1))).toEqual([0.5, 0.5]);
  });

  it('reads canvas pixels as grey and inverts light pictures when asked', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0]);
    expect(Array.from(toGray(rgba, 4, 1))).toEqual([1, 0, 1, 0]);
    // The transparent pixel counts as black: half the picture is light, so 'auto' leaves it.
    expect(Array.from(toGray(rgba, 4, 1, 'auto'))).toEqual([1, 0, 1, 0]);
    expect(Array.from(toGray(rgba, 4, 1, true))).toEqual([0, 1, 0, 1]);
    const paper = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255, 250, 250, 250, 255]);
    expect(Array.from(toGray(paper, 4, 1, 'auto')).map((v) => Math.round(v * 100) / 100)).toEqual([0, 1, 0, 0.02]);
  });
});

describe('comparing the two answers', () => {
  it('takes the largest absolute difference and prints it in plain decimals', () => {
    expect(maxAbsDiff([0.1, 0.9], [0.1000031, 0.8999969])).toBeCloseTo(0.0000031, 9);
    expect(maxAbsDiff([1], [1, 0])).toBe(Infinity);
    expect(formatDiff(0.0000031)).toBe('0.0000031');
    expect(formatDiff(0)).toBe('0');
    expect(formatDiff(0.25)).toBe('0.250');
    expect(formatDiff(Infinity)).toBe('–');
  });
});
