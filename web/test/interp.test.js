import { describe, it, expect } from 'vitest';
import { Track, angleDelta } from '../src/interp.js';

describe('interpolation', () => {
  it('draws others 100 ms in the past, between samples', () => {
    const t = new Track(0, 0, 0, 1000);
    t.push(1, 0, 0, 1050);
    t.push(2, 0, 0, 1100);
    expect(t.sample(1125).x).toBeCloseTo(0.5);
    expect(t.sample(1175).x).toBeCloseTo(1.5);
    expect(t.sample(5000).x).toBe(2);
    expect(t.sample(0).x).toBe(0);
  });

  it('turns the short way round', () => {
    expect(angleDelta(3, -3)).toBeCloseTo(2 * Math.PI - 6);
    const t = new Track(0, 0, 3, 0);
    t.push(0, 0, -3, 100);
    const ry = t.sample(150).ry;
    expect(Math.abs(ry)).toBeGreaterThan(3);
  });

  it('reset jumps without interpolation', () => {
    const t = new Track(0, 0, 0, 0);
    t.reset(10, 10, 0, 50);
    expect(t.sample(60).x).toBe(10);
  });
});
