import { describe, it, expect } from 'vitest';
import { kindOf, tryableVersions, pickOnnx, allVersions, metricNames, formatMetric, parseRef } from '../src/studio/catalog.js';
import { cellColour, rowTotals } from '../src/studio/confusion.js';

const v = (version, runtime, extra = {}) => ({ version, runtime, architecture: 'keras-cnn', compression: '', derivedFrom: '', metrics: {}, loaded: false, problem: '', ...extra });
const models = [
  { name: 'keras-cnn', defaultVersion: 2, aliases: { stable: 2 }, versions: [v(1, 'djl'), v(2, 'djl'), v(3, 'onnx', { derivedFrom: 'keras-cnn:1' }), v(4, 'onnx', { derivedFrom: 'keras-cnn:2', compression: 'int8' })] },
  { name: 'keras-cnn-web', defaultVersion: 1, aliases: {}, versions: [v(1, 'onnx', { derivedFrom: 'keras-cnn:2' })] },
  { name: 'fashion-cnn', defaultVersion: 1, aliases: {}, versions: [v(1, 'djl')] },
  { name: 'sentiment', defaultVersion: 1, aliases: {}, versions: [v(1, 'java', { architecture: '', metrics: { accuracy: 0.878, f1: 0.87 } })] },
  { name: 'shop-als', kind: 'recommender', defaultVersion: 1, aliases: {}, versions: [v(1, 'java', { architecture: '', metrics: { ndcgAt10: 0.3 } })] },
];

describe('the model catalogue', () => {
  it('tells image classifiers from other kinds', () => {
    expect(models.map(kindOf)).toEqual(['image-classifier', 'image-classifier', 'image-classifier', 'other', 'recommender']);
    expect(kindOf({ name: 'x', versions: [{ version: 1, runtime: '', problem: 'unreadable' }] })).toBe('unknown');
    expect(kindOf({ name: 'x', versions: [v(1, 'djl', { kind: 'policy' })] })).toBe('policy');
  });

  it('offers the DJL versions of image classifiers to try', () => {
    expect(tryableVersions(models).map((t) => `${t.ref}${t.isDefault ? '*' : ''}`)).toEqual(['keras-cnn:2*', 'keras-cnn:1', 'fashion-cnn:1*']);
  });

  it('runs the export made from exactly the tried version, unquantised first', () => {
    expect(pickOnnx(models, 'keras-cnn', 1).ref).toBe('keras-cnn:3');
    expect(pickOnnx(models, 'keras-cnn', 2).ref).toBe('keras-cnn-web:1');
    expect(pickOnnx(models, 'fashion-cnn', 1)).toBeNull();
    const onlySameName = [{ name: 'm', versions: [v(1, 'djl'), v(2, 'onnx', { derivedFrom: 'other:1' })] }];
    expect(pickOnnx(onlySameName, 'm', 1).ref).toBe('m:2');
  });

  it('lists versions and metric names', () => {
    expect(allVersions(models).map((x) => x.ref)).toContain('shop-als:1');
    expect(metricNames(models[3].versions)).toEqual(['accuracy', 'f1']);
    expect(parseRef('keras-cnn:12')).toEqual({ name: 'keras-cnn', version: 12 });
    expect(parseRef('nope')).toBeNull();
    expect(formatMetric(0.987654)).toBe('0.9877');
    expect(formatMetric(12)).toBe('12');
    expect(formatMetric(null)).toBe('–');
  });
});

describe('confusion colours', () => {
  it('shades by the share of the row, green when right and red when wrong', () => {
    expect(rowTotals([[8, 2], [1, 9]])).toEqual([10, 10]);
    expect(cellColour(0, 10, false).background).toBe('rgba(0, 0, 0, 0)');
    const right = cellColour(9, 10, true), wrong = cellColour(1, 10, false);
    expect(right.background).toMatch(/^rgba\(30, 150, 80/);
    expect(wrong.background).toMatch(/^rgba\(210, 50, 40/);
    const alpha = (c) => Number(/, ([\d.]+)\)$/.exec(c.background)[1]);
    expect(alpha(cellColour(9, 10, true))).toBeGreaterThan(alpha(cellColour(5, 10, true)));
    expect(alpha(cellColour(2, 100, false))).toBeGreaterThan(0.2);
    expect(alpha(cellColour(10, 10, true))).toBe(1);
    expect(cellColour(10, 10, true).color).toBe('#fff');
    expect(cellColour(3, 0, true).background).toBe('rgba(0, 0, 0, 0)');
  });
});
