import { describe, it, expect } from 'vitest';
import { walkable, slide, stepToward, keyStep, nearestWalkable, portalAt } from '../src/walk.js';

const layout = {
  width: 20, depth: 10,
  obstacles: [{ kind: 'wall', x: 10, z: 5, w: 2, d: 2, h: 2 }],
  portals: [{ id: 'p', x: 18, z: 5, radius: 1, target: 'plaza', label: 'Plaza' }],
};

describe('walkability', () => {
  it('keeps 0.3 m from the edges', () => {
    expect(walkable(layout, 0.29, 5)).toBe(false);
    expect(walkable(layout, 0.31, 5)).toBe(true);
    expect(walkable(layout, 19.71, 5)).toBe(false);
  });

  it('keeps 0.3 m from obstacles', () => {
    expect(walkable(layout, 8.75, 5)).toBe(false);
    expect(walkable(layout, 8.65, 5)).toBe(true);
    expect(walkable(layout, 10, 6.25)).toBe(false);
    expect(walkable(layout, 10, 6.35)).toBe(true);
  });
});

describe('movement', () => {
  it('slides along an obstacle instead of stopping', () => {
    const r = slide(layout, 8.6, 5.5, 0.2, 0.2);
    expect(r.x).toBeCloseTo(8.6);
    expect(r.z).toBeCloseTo(5.7);
    expect(r.moved).toBe(true);
  });

  it('stops dead in a corner', () => {
    expect(slide(layout, 0.35, 0.35, -0.1, -0.1).moved).toBe(false);
  });

  it('walks toward a click target at 4 m/s and arrives', () => {
    let p = { x: 2, z: 2, ry: 0 };
    let frames = 0;
    let done = false;
    while (!done && frames < 200) {
      const s = stepToward(layout, p, { x: 6, z: 2 }, 1 / 20);
      p = s;
      done = s.done;
      frames++;
    }
    expect(p.x).toBeCloseTo(6);
    expect(frames).toBe(20);
    expect(p.ry).toBeCloseTo(Math.PI / 2);
  });

  it('gives up on a target behind a wall instead of jittering', () => {
    let p = { x: 8.6, z: 5, ry: 0 };
    const s = stepToward(layout, p, { x: 12, z: 5 }, 1 / 20);
    expect(s.done).toBe(true);
  });

  it('maps keys to camera-relative steps', () => {
    const s = keyStep({ forward: true }, 0, 0.5);
    expect(s.dx).toBeCloseTo(0);
    expect(s.dz).toBeCloseTo(-2);
    const r = keyStep({ right: true }, 0, 0.5);
    expect(r.dx).toBeCloseTo(2);
    const d = keyStep({ forward: true, right: true }, 0, 1);
    expect(Math.hypot(d.dx, d.dz)).toBeCloseTo(4);
    expect(keyStep({}, 0, 1)).toBeNull();
  });

  it('finds a walkable point near a click on an obstacle', () => {
    const p = nearestWalkable(layout, 10, 5, 3);
    expect(walkable(layout, p.x, p.z)).toBe(true);
  });

  it('detects portals', () => {
    expect(portalAt(layout, 18.5, 5).id).toBe('p');
    expect(portalAt(layout, 15, 5)).toBeNull();
  });
});
