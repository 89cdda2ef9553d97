// Decoration that is not in the layout and never blocks anyone: the town around the plaza, windows
// and light shafts in the classroom, shop signs, the clinic's cross. Drawn outside the walkable
// area or flat on walls, so it cannot disagree with the protocol's walkability rule.
import * as THREE from 'three';
import { signTexture, fadeTexture } from './textures.js';
import { rng } from './rng.js';

export function decorate(kit, group, space, theme, ctx) {
  const L = space.layout;
  if (space.kind === 'plaza') town(kit, L);
  if (theme.windows) windows(kit, group, L);
  if (theme.signs) signs(group, space, theme);
  if (theme.cross) cross(kit, group, space, L);
  if (space.kind === 'museum') museumBanner(group, space, L);
  if (theme.indoor) exterior(kit, L, theme);
}

/** Pastel houses around the plaza and a low stone curb along its edge. */
function town(kit, L) {
  const r = rng('town');
  const W = L.width, D = L.depth;
  const colours = ['#f2d4a7', '#e8b4a0', '#c9dfc0', '#f6e7b4', '#d9c6e6', '#bcd9ea', '#f0c9b8'];
  const roofs = ['#b5543c', '#8c4a3a', '#6d6f7a', '#a8663d'];
  kit.place(0, 0, 0);
  for (const [x0, z0, x1, z1] of [[0, -0.4, W, 0], [0, D, W, D + 0.4], [-0.4, 0, 0, D], [W, 0, W + 0.4, D]]) {
    kit.box(x1 - x0, 0.3, z1 - z0, (x0 + x1) / 2, 0, (z0 + z1) / 2, '#bdb3a3');
  }
  const row = (count, place) => {
    for (let i = 0; i < count; i++) {
      const w = 7 + r() * 3, d = 7, h = 6 + r() * 6;
      const { x, z, ry } = place(i, count);
      // Leave the four portal avenues open.
      kit.place(x, z, ry);
      kit.box(w, h, d, 0, 0, 0, colours[Math.floor(r() * colours.length)]);
      kit.cone(w * 0.78, 2.4, 0, h, 0, roofs[Math.floor(r() * roofs.length)], 4, { ry: Math.PI / 4, sz: d * 0.78 });
      for (let f = 0; f < Math.floor(h / 3); f++) for (const wx of [-w / 4, w / 4]) {
        kit.box(1.1, 1.3, 0.1, wx, 1.2 + f * 3, d / 2, '#5b7a99');
        kit.box(1.3, 0.12, 0.2, wx, 1.1 + f * 3, d / 2, '#ffffff');
      }
      kit.box(1.3, 2.2, 0.1, 0, 0, d / 2, '#6d4c33');
      kit.box(w + 0.2, 0.5, 1.5, 0, 2.6, d / 2 + 0.7, ['#d35454', '#3f7cac', '#4c9a5a', '#e0a030'][i % 4], { rx: 0.3 });
    }
  };
  const gap = (t) => Math.abs(t - 0.5) < 0.09;
  const n = 6;
  row(n, (i) => ({ x: ((i + 0.5) / n) * W + (gap((i + 0.5) / n) ? 9 : 0), z: -6, ry: 0 }));
  row(n, (i) => ({ x: ((i + 0.5) / n) * W + (gap((i + 0.5) / n) ? 9 : 0), z: D + 6, ry: Math.PI }));
  row(n, (i) => ({ x: -6, z: ((i + 0.5) / n) * D + (gap((i + 0.5) / n) ? 9 : 0), ry: Math.PI / 2 }));
  row(n, (i) => ({ x: W + 6, z: ((i + 0.5) / n) * D + (gap((i + 0.5) / n) ? 9 : 0), ry: -Math.PI / 2 }));
  kit.place(0, 0, 0);
}

/** Tall windows with daylight along the classroom's long walls, and shafts of light on the floor. */
function windows(kit, group, L) {
  const shaft = new THREE.MeshBasicMaterial({ map: fadeTexture(), color: '#fff6d8', transparent: true, opacity: 0.22, blending: THREE.AdditiveBlending, depthWrite: false, side: THREE.DoubleSide });
  kit.place(0, 0, 0);
  for (let z = 4; z < L.depth - 3; z += 4) {
    for (const [x, dir] of [[L.width - 0.41, -1]]) {
      kit.box(0.02, 1.9, 1.9, x, 1.0, z, '#d6ecff', { layer: 'glow' });
      kit.box(0.04, 2.0, 0.08, x + dir * 0.02, 0.95, z, '#ffffff');
      kit.box(0.04, 0.08, 2.0, x + dir * 0.02, 1.9, z, '#ffffff');
      kit.box(0.06, 0.1, 2.1, x + dir * 0.02, 0.9, z, '#ffffff');
      kit.box(0.06, 0.1, 2.1, x + dir * 0.02, 2.9, z, '#ffffff');
      const m = new THREE.Mesh(new THREE.PlaneGeometry(2, 3.2), shaft);
      m.position.set(x - 1.6, 0.03, z);
      m.rotation.x = -Math.PI / 2;
      m.rotation.z = Math.PI / 2;
      group.add(m);
    }
  }
}

/** The shop's name over the counter and category signs over the aisles. */
function signs(group, space, theme) {
  const L = space.layout;
  const big = new THREE.Mesh(new THREE.PlaneGeometry(8, 2), new THREE.MeshBasicMaterial({ map: signTexture(space.name, theme.accent, '#ffffff') }));
  big.position.set(L.width / 2, 3.2, 0.45);
  group.add(big);
  const aisles = ['Home', 'Gifts', 'Tech', 'Tea & Treats'];
  const islands = L.obstacles.filter((o) => o.kind === 'shelf' && o.d >= 0.95 && o.w > o.d);
  islands.slice(0, 4).forEach((o, i) => {
    const m = new THREE.Mesh(new THREE.PlaneGeometry(2.2, 0.55), new THREE.MeshBasicMaterial({ map: signTexture(aisles[i % aisles.length], ['#3498db', '#9b59b6', '#2ecc71', '#f39c12'][i % 4], '#ffffff', 256, 64), side: THREE.DoubleSide }));
    m.position.set(o.x, o.h + 0.9, o.z);
    group.add(m);
  });
  const wall = L.obstacles.find((o) => o.kind === 'counter');
  if (wall) {
    const m = new THREE.Mesh(new THREE.PlaneGeometry(2.4, 0.6), new THREE.MeshBasicMaterial({ map: signTexture('Pay here', '#2c3e50', '#f6c85f', 256, 64), side: THREE.DoubleSide }));
    m.position.set(wall.x, 2.6, wall.z);
    group.add(m);
  }
}

/** A green cross and the clinic's name on the wall behind the reception. */
function cross(kit, group, space, L) {
  kit.place(0, 0, 0);
  // On the north wall, above the beds: the camera never needs to cut that wall away when looking in.
  const z = 0.42;
  kit.box(1.0, 0.34, 0.05, L.width / 2 - 5.5, 2.75, z, '#2a9d8f', { layer: 'glow' });
  kit.box(0.34, 1.0, 0.05, L.width / 2 - 5.5, 2.42, z, '#2a9d8f', { layer: 'glow' });
  const m = new THREE.Mesh(new THREE.PlaneGeometry(4.4, 0.8), new THREE.MeshBasicMaterial({ map: signTexture(space.name, '#ffffff', '#2a9d8f') }));
  m.position.set(L.width / 2 + 1.5, 2.9, z + 0.04);
  group.add(m);
  const n = new THREE.Mesh(new THREE.PlaneGeometry(6, 1.1), new THREE.MeshBasicMaterial({ map: signTexture('Reception', '#2a9d8f', '#ffffff') }));
  const desk = L.obstacles.find((o) => o.kind === 'counter');
  if (desk) {
    n.position.set(desk.x, 2.6, desk.z);
    n.scale.setScalar(0.6);
    n.material.side = THREE.DoubleSide;
    group.add(n);
  }
}

function museumBanner(group, space, L) {
  const m = new THREE.Mesh(new THREE.PlaneGeometry(7, 1.2), new THREE.MeshBasicMaterial({ map: signTexture(space.name, '#5a1f1f', '#f3d28a') }));
  m.position.set(L.width / 2, 4.4, 0.45);
  group.add(m);
}

/** A plinth of pavement and a few trees around indoor spaces, seen over the walls. */
function exterior(kit, L, theme) {
  const r = rng('exterior');
  kit.place(0, 0, 0);
  kit.box(L.width + 6, 0.05, L.depth + 6, L.width / 2, -0.1, L.depth / 2, '#c9c2b6');
  for (let i = 0; i < 10; i++) {
    const side = i % 4;
    const t = r();
    const x = side < 2 ? t * L.width : side === 2 ? -6 : L.width + 6;
    const z = side >= 2 ? t * L.depth : side === 0 ? -6 : L.depth + 6;
    kit.cyl(0.2, 0.25, 2, x, 0, z, '#7a5234', 6);
    kit.blob(1.8, x, 3, z, ['#4f8f3a', '#5fa34a', '#3f7d35'][i % 3]);
  }
}
