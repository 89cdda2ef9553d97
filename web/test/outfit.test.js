import { describe, it, expect } from 'vitest';
import { decalPixels, tintOf, TORSO } from '../src/world/outfit.js';

describe('outfit decals', () => {
  it('tints the garment, shades it by its grey level and leaves the background see-through', () => {
    const px = decalPixels(new Uint8ClampedArray([0, 255, 128]), [200, 100, 50]);
    expect([...px.slice(0, 4)][3]).toBe(0); // black background: transparent
    expect([...px.slice(4, 8)]).toEqual([200, 100, 50, 255]);
    const mid = [...px.slice(8, 12)];
    expect(mid[0]).toBeLessThan(200);
    expect(mid[0]).toBeGreaterThan(100);
    expect(mid[3]).toBeGreaterThan(200);
  });

  it('gives every Fashion-MNIST category its own colour and a torso for every shape', () => {
    const cats = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
    expect(new Set(cats.map((c) => tintOf(c).join())).size).toBe(10);
    expect(tintOf('Hat')).toEqual([200, 200, 200]);
    for (const s of ['round', 'box', 'slim']) expect(TORSO[s].z).toBeGreaterThan(0.15);
  });
});
