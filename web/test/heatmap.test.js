import { describe, it, expect } from 'vitest';
import { heatColour, overlayPixels } from '../src/ui/heatmap.js';

describe('explanation overlay', () => {
  it('runs from blue for cold to red for hot', () => {
    const cold = heatColour(0);
    const hot = heatColour(1);
    expect(cold[2]).toBeGreaterThan(cold[0]);
    expect(hot[0]).toBeGreaterThan(hot[2]);
    expect(heatColour(2)).toEqual(hot);
    expect(heatColour(-1)).toEqual(cold);
  });

  it('leaves unattributed pixels clear and makes hot ones opaque', () => {
    const px = overlayPixels([0, 0.25, 1]);
    expect(px[3]).toBe(0);
    expect(px[7]).toBeGreaterThan(0);
    expect(px[11]).toBeGreaterThan(px[7]);
    expect(px[11]).toBe(Math.round(255 * 0.65));
  });
});
