import { describe, it, expect } from 'vitest';
import { checkWorld } from '../scripts/check-world.mjs';

const space = (id, layout) => ({ id, name: id, kind: id === 'plaza' ? 'plaza' : 'shop', visibility: 'public', capacity: 8, layout });
const base = () => ({
  width: 10, depth: 10, spawns: [{ x: 2, z: 2 }],
  obstacles: [{ kind: 'wall', x: 5, z: 5, w: 10, d: 0.4, h: 2 }],
  portals: [{ id: 'to-shop', x: 2, z: 4, radius: 1, target: 'shop', label: 'Shop' }],
  items: [{ id: 'a', name: 'A', description: 'a', x: 3, z: 2, price: null }],
});

describe('check-world', () => {
  it('accepts a small valid world', () => {
    const shop = base();
    shop.portals = [{ id: 'to-plaza', x: 2, z: 4, radius: 1, target: 'plaza', label: 'Plaza' }];
    shop.items = [];
    expect(checkWorld([space('plaza', base()), space('shop', shop)])).toEqual([]);
  });

  it('finds items behind walls, spawns in obstacles and dangling portals', () => {
    const L = base();
    L.items.push({ id: 'b', name: 'B', description: 'b', x: 5, z: 8, price: 3 });
    L.spawns.push({ x: 5, z: 5.1 });
    L.portals.push({ id: 'to-mars', x: 8, z: 2, radius: 1, target: 'mars', label: 'Mars' });
    const problems = checkWorld([space('plaza', L)]).join('\n');
    expect(problems).toMatch(/item b .* cannot be reached/);
    expect(problems).toMatch(/spawn 1 .* not walkable/);
    expect(problems).toMatch(/unknown space mars/);
    expect(problems).toMatch(/no portal to|unknown space shop/);
  });
});
