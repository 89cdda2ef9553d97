// Low-poly models for obstacle kinds, built from primitives into a Kit. Each model draws in the
// obstacle's own frame: centre on the floor at the origin, width w along x, depth d along z, the
// front facing +z. Models may be smaller than their box but never bigger, so what you see is what
// blocks you. Unknown kinds are drawn as a plain box (protocol v1).
import * as THREE from 'three';
import { paintingTexture, blackboardTexture, PAINTING_STYLES } from './textures.js';

const WOOD = '#9a6a3f', DARK_WOOD = '#5e3d24', IRON = '#3a3d42', BRASS = '#c9a24a', WHITE = '#f4f4f0';
const LEAF = ['#4f8f3a', '#5fa34a', '#3f7d35', '#6cae52'];

export const MODELS = {
  wall(k, w, d, h, c) {
    const t = c.theme;
    k.box(w, h, d, 0, 0, 0, t.wall);
    k.box(w + 0.02, 0.15, d + 0.04, 0, 0, 0, t.trim);
    k.box(w + 0.06, 0.12, d + 0.08, 0, h - 0.12, 0, t.trim);
    if (t.band) k.box(w + 0.02, 0.1, d + 0.02, 0, 1.0, 0, t.band), k.box(w + 0.01, 0.85, d + 0.01, 0, 0.15, 0, t.bandLow || t.band);
  },

  fountain(k, w, d, h, c) {
    const r = Math.min(w, d) / 2;
    k.cyl(r, r, 0.55, 0, 0, 0, '#cfc6b4', 8);
    k.cyl(r * 0.86, r * 0.86, 0.04, 0, 0.53, 0, '#4fa8d8', 8, { layer: 'glow' });
    k.cyl(0.35, 0.45, h + 0.2, 0, 0.5, 0, '#d8d0c0', 8);
    k.cyl(1.1, 0.4, 0.3, 0, h * 0.9, 0, '#e2dccf', 8);
    k.cyl(1.0, 1.0, 0.03, 0, h * 0.9 + 0.28, 0, '#7cc6e8', 8, { layer: 'glow' });
    k.cyl(0.15, 0.2, 0.7, 0, h * 0.9 + 0.3, 0, '#d8d0c0', 6);
    k.sphere(0.22, 0, h * 0.9 + 1.05, 0, '#e2dccf');
    k.cone(0.5, 0.9, 0, h * 0.9 + 1.2, 0, '#c8ecff', 8, { layer: 'glow', rx: Math.PI });
    for (let i = 0; i < 4; i++) {
      const a = (i / 4) * Math.PI * 2 + Math.PI / 4;
      k.cyl(0.06, 0.06, 0.5, Math.cos(a) * 0.9, h * 0.9 + 0.2, Math.sin(a) * 0.9, '#d8f2ff', 4, { layer: 'glow', rz: Math.cos(a) * 0.6, rx: -Math.sin(a) * 0.6 });
    }
  },

  tree(k, w, d, h, c) {
    const rnd = c.rnd;
    const tr = Math.min(w, d) * 0.18;
    k.cyl(tr * 0.7, tr, h * 0.45, 0, 0, 0, '#7a5234', 6);
    k.cyl(Math.min(w, d) / 2, Math.min(w, d) / 2, 0.08, 0, 0, 0, '#6b4a2f', 8);
    if (rnd() < 0.35) {
      for (let i = 0; i < 3; i++) k.cone(1.5 - i * 0.35, 1.8, 0, h * 0.3 + i * 1.1, 0, LEAF[(i + 2) % 4], 7);
    } else {
      const top = h * 0.62;
      k.blob(1.6, 0, top, 0, LEAF[Math.floor(rnd() * 4)]);
      for (let i = 0; i < 4; i++) {
        const a = rnd() * Math.PI * 2;
        k.blob(0.9 + rnd() * 0.4, Math.cos(a) * 1.1, top + (rnd() - 0.3) * 0.9, Math.sin(a) * 1.1, LEAF[i % 4]);
      }
    }
  },

  bench(k, w, d, h, c) {
    const legH = Math.min(0.45, h * 0.5);
    for (const x of [-w / 2 + 0.2, w / 2 - 0.2]) {
      k.box(0.08, legH, d * 0.9, x, 0, 0, IRON);
      if (h > 0.6) k.box(0.08, h - legH, 0.08, x, legH, -d / 2 + 0.08, IRON);
    }
    for (let i = 0; i < 3; i++) k.box(w, 0.05, d * 0.28, 0, legH, -d / 2 + d * 0.17 + i * d * 0.31, c.theme.benchWood || WOOD);
    if (h > 0.6) for (let i = 0; i < 2; i++) k.box(w, 0.1, 0.05, 0, legH + 0.15 + i * 0.2, -d / 2 + 0.06, c.theme.benchWood || WOOD);
  },

  plinth(k, w, d, h, c) {
    k.box(w, 0.12, d, 0, 0, 0, '#d9d4cb');
    k.box(w * 0.82, h - 0.24, d * 0.82, 0, 0.12, 0, '#f1ede6');
    k.box(w, 0.12, d, 0, h - 0.12, 0, '#d9d4cb');
    const s = Math.min(w, d);
    const which = c.index % 3;
    const bronze = '#9c6b3c', stone = '#e8e2d6';
    if (which === 0) {
      k.knot(s * 0.25, 0, h + s * 0.45, 0, bronze, { rx: 0.4 });
    } else if (which === 1) {
      // a standing figure
      k.cyl(0.09, 0.12, 0.55, 0, h, 0, stone, 6);
      k.cyl(0.16, 0.12, 0.5, 0, h + 0.5, 0, stone, 6);
      k.sphere(0.11, 0, h + 1.12, 0, stone);
      k.cyl(0.04, 0.05, 0.5, 0.2, h + 0.55, 0, stone, 5, { rz: 0.5 });
      k.cyl(0.04, 0.05, 0.5, -0.2, h + 0.6, 0, stone, 5, { rz: -1.2 });
    } else {
      k.blob(s * 0.28, 0, h + s * 0.3, 0, '#7e8ea0');
      k.sphere(s * 0.18, 0.05, h + s * 0.68, 0, '#a9b6c4');
    }
  },

  painting(k, w, d, h, c) {
    const pw = w * 0.92, ph = Math.min(2.0, pw * 0.72);
    const cy = Math.min(h - ph / 2 - 0.1, 1.95);
    k.box(pw + 0.16, ph + 0.16, 0.08, 0, cy - ph / 2 - 0.08, -d / 2 + 0.04, c.theme.frame || '#b8892f');
    const mat = new THREE.MeshLambertMaterial({ map: paintingTexture(c.style || PAINTING_STYLES[c.index % PAINTING_STYLES.length]) });
    c.attach(new THREE.Mesh(new THREE.PlaneGeometry(pw, ph), mat), 0, cy, -d / 2 + 0.085);
    k.box(0.3, 0.05, 0.03, 0, cy - ph / 2 - 0.28, -d / 2 + 0.02, BRASS);
  },

  'display-case'(k, w, d, h, c) {
    const baseH = h * 0.55;
    k.box(w, baseH, d, 0, 0, 0, '#6d4c33');
    k.box(w + 0.04, 0.04, d + 0.04, 0, baseH, 0, BRASS);
    k.box(w * 0.96, h - baseH - 0.04, d * 0.96, 0, baseH + 0.04, 0, '#cfe8f5', { layer: 'glass' });
    k.box(w, 0.03, d, 0, h - 0.03, 0, BRASS);
    const n = Math.max(2, Math.round(w / 0.7));
    for (let i = 0; i < n; i++) {
      const x = -w / 2 + (i + 0.5) * (w / n);
      if (i % 2) k.sphere(0.1, x, baseH + 0.15, 0, ['#d4af37', '#2e86c1', '#a93226'][i % 3]);
      else k.cyl(0.06, 0.1, 0.25, x, baseH + 0.04, 0, ['#c0965c', '#7d3c98', '#17a589'][i % 3], 6);
    }
  },

  desk(k, w, d, h, c) {
    const top = c.theme.deskTop || '#c89b6a';
    k.box(w, 0.05, d, 0, h - 0.05, 0, top);
    for (const x of [-w / 2 + 0.05, w / 2 - 0.05]) for (const z of [-d / 2 + 0.05, d / 2 - 0.05]) k.box(0.05, h - 0.05, 0.05, x, 0, z, IRON);
    k.box(w - 0.1, 0.3, 0.02, 0, h - 0.35, d / 2 - 0.05, c.theme.deskPanel || '#8c6a4a');
    const rnd = c.rnd;
    if (w > 1.8) {
      k.box(0.5, 0.03, 0.35, -w / 4, h, 0, '#2c3e50');
      k.box(0.5, 0.3, 0.02, -w / 4, h + 0.03, -0.16, '#34495e', { rx: -0.25 });
      k.sphere(0.07, w / 3, h + 0.07, 0.1, '#c0392b');
    } else {
      k.box(0.3, 0.03, 0.22, (rnd() - 0.5) * w * 0.4, h, (rnd() - 0.5) * 0.2, ['#e74c3c', '#3498db', '#f1c40f', '#27ae60'][Math.floor(rnd() * 4)], { ry: rnd() - 0.5 });
    }
  },

  chair(k, w, d, h, c) {
    const seat = Math.min(0.47, h * 0.5);
    const col = c.theme.chair || '#3f6e8c';
    for (const x of [-w / 2 + 0.05, w / 2 - 0.05]) for (const z of [-d / 2 + 0.05, d / 2 - 0.05]) k.box(0.04, seat, 0.04, x, 0, z, IRON);
    k.box(w, 0.05, d, 0, seat, 0, col);
    k.box(w, h - seat - 0.05, 0.05, 0, seat + 0.05, -d / 2 + 0.03, col, { rx: -0.08 });
  },

  board(k, w, d, h, c) {
    const bh = Math.min(1.4, h - 0.9), bottom = h - bh - 0.1;
    k.box(w, bh + 0.12, 0.06, 0, bottom - 0.06, -d / 2 + 0.03, '#8a6a46');
    k.box(w * 0.9, 0.05, 0.12, 0, bottom - 0.08, -d / 2 + 0.08, '#8a6a46');
    k.box(0.1, 0.02, 0.02, -w * 0.2, bottom - 0.03, -d / 2 + 0.1, WHITE);
    k.box(0.16, 0.04, 0.05, w * 0.25, bottom - 0.03, -d / 2 + 0.1, '#445');
    const mat = new THREE.MeshLambertMaterial({ map: blackboardTexture() });
    c.attach(new THREE.Mesh(new THREE.PlaneGeometry(w - 0.12, bh), mat), 0, bottom + bh / 2, -d / 2 + 0.065);
  },

  shelf(k, w, d, h, c) {
    const frame = c.theme.shelf || '#e8e4dc';
    k.box(0.05, h, d, -w / 2 + 0.025, 0, 0, frame);
    k.box(0.05, h, d, w / 2 - 0.025, 0, 0, frame);
    k.box(w, h, 0.03, 0, 0, -d / 2 + 0.015, c.theme.shelfBack || '#d9d2c5');
    const levels = Math.max(2, Math.round(h / 0.5));
    const rnd = c.rnd;
    const goods = c.theme.goods || ['#e74c3c', '#f39c12', '#f1c40f', '#27ae60', '#2980b9', '#8e44ad', '#e84393', '#16a085'];
    const both = d > 0.95; // an island shelf: goods on both faces
    for (let l = 0; l < levels; l++) {
      const y = 0.08 + l * ((h - 0.1) / levels);
      k.box(w - 0.1, 0.03, d, 0, y, 0, frame);
      if (l === levels - 1 && h > 1.8) continue;
      const gap = (h - 0.1) / levels - 0.08;
      for (const side of both ? [1, -1] : [1]) {
        let x = -w / 2 + 0.1;
        while (x < w / 2 - 0.2) {
          const gw = 0.12 + rnd() * 0.14, gh = Math.min(gap, 0.15 + rnd() * 0.22);
          const col = goods[Math.floor(rnd() * goods.length)];
          const z = side * (both ? d / 4 : d / 6);
          if (rnd() < 0.3) k.cyl(gw / 2, gw / 2, gh, x + gw / 2, y + 0.03, z, col, 6);
          else k.box(gw, gh, Math.min(0.25, d / 2 - 0.05), x + gw / 2, y + 0.03, z, col);
          x += gw + 0.03;
        }
      }
    }
  },

  /** A clothing rail: two posts, a bar and garments hanging from it on both sides. */
  rack(k, w, d, h, c) {
    k.box(0.05, h, 0.05, -w / 2 + 0.03, 0, 0, IRON);
    k.box(0.05, h, 0.05, w / 2 - 0.03, 0, 0, IRON);
    k.box(0.3, 0.04, d, -w / 2 + 0.15, 0, 0, IRON);
    k.box(0.3, 0.04, d, w / 2 - 0.15, 0, 0, IRON);
    k.box(w - 0.06, 0.03, 0.03, 0, h - 0.05, 0, '#b8bcc2');
    const colours = ['#c0392b', '#2c3e50', '#8e44ad', '#d35400', '#16a085', '#f1c40f', '#7f8c8d', '#e84393'];
    const rnd = c.rnd;
    for (let x = -w / 2 + 0.25; x < w / 2 - 0.2; x += 0.22) {
      const len = 0.6 + rnd() * 0.5;
      k.box(0.04, len, Math.min(0.42, d - 0.06), x, h - 0.1 - len, 0, colours[Math.floor(rnd() * colours.length)]);
    }
  },

  counter(k, w, d, h, c) {
    k.box(w, h - 0.06, d - 0.1, 0, 0, -0.05, c.theme.counter || '#f5f0e6');
    k.box(w, 0.25, 0.03, 0, h * 0.45, d / 2 - 0.12, c.theme.accent || '#2aa198');
    k.box(w + 0.06, 0.06, d, 0, h - 0.06, 0, c.theme.counterTop || '#6d4c33');
    k.box(0.35, 0.12, 0.3, w / 2 - 0.5, h, -0.1, '#2c3e50');
    k.box(0.3, 0.22, 0.03, w / 2 - 0.5, h + 0.12, -0.2, '#34495e', { rx: -0.3 });
    k.box(0.3, 0.2, 0.02, w / 2 - 0.5, h + 0.16, -0.18, '#7fd6ff', { layer: 'glow', rx: -0.3 });
    k.cyl(0.08, 0.06, 0.16, -w / 2 + 0.4, h, 0, '#e67e22', 6);
    k.blob(0.14, -w / 2 + 0.4, h + 0.26, 0, LEAF[1]);
  },

  bed(k, w, d, h, c) {
    const frame = c.theme.bedFrame || '#c8d3d8';
    for (const x of [-w / 2 + 0.05, w / 2 - 0.05]) for (const z of [-d / 2 + 0.05, d / 2 - 0.05]) k.cyl(0.035, 0.035, 0.35, x, 0, z, frame, 5);
    k.box(w, 0.12, d, 0, 0.32, 0, frame);
    k.box(w * 0.95, 0.16, d * 0.96, 0, 0.44, 0, WHITE);
    k.box(w * 0.6, 0.1, 0.35, 0, 0.6, -d / 2 + 0.28, '#ffffff');
    k.box(w * 0.97, 0.06, d * 0.6, 0, 0.58, d * 0.18, c.theme.blanket || '#5fb3b3');
    k.box(w, h + 0.35, 0.06, 0, 0.2, -d / 2 + 0.03, frame);
    k.box(w, 0.35, 0.05, 0, 0.25, d / 2 - 0.03, frame);
  },

  screen(k, w, d, h, c) {
    const col = c.theme.curtain || '#9fd8d3';
    k.box(w, 0.03, 0.03, 0, h - 0.05, 0, '#b0bec5');
    for (const x of [-w / 2 + 0.02, w / 2 - 0.02]) k.box(0.03, h, 0.03, x, 0, 0, '#b0bec5');
    const folds = Math.max(3, Math.round(w / 0.25));
    for (let i = 0; i < folds; i++) {
      const x = -w / 2 + (i + 0.5) * (w / folds);
      k.box(w / folds + 0.02, h - 0.3, 0.04, x, 0.2, (i % 2 ? 0.02 : -0.02) * Math.min(1, d * 10), i % 2 ? col : shade(col));
    }
  },

  plant(k, w, d, h, c) {
    const r = Math.min(w, d) / 2;
    const rnd = c.rnd;
    const potH = Math.min(0.45, h * 0.35);
    k.cyl(r * 0.8, r * 0.6, potH, 0, 0, 0, c.theme.pot || '#c0693b', 8);
    k.cyl(r * 0.75, r * 0.75, 0.03, 0, potH - 0.04, 0, '#4a3424', 8);
    if (w > 1.2 && h < 1.2) {
      // a flower bed
      for (let i = 0; i < 9; i++) k.blob(0.25, (rnd() - 0.5) * w * 0.7, potH + 0.1, (rnd() - 0.5) * d * 0.7, LEAF[i % 4]);
      for (let i = 0; i < 14; i++) k.sphere(0.07, (rnd() - 0.5) * w * 0.75, potH + 0.25, (rnd() - 0.5) * d * 0.75, ['#e84393', '#fdcb6e', '#ff7675', '#ffffff', '#a29bfe'][i % 5]);
      return;
    }
    const leaves = 7;
    for (let i = 0; i < leaves; i++) {
      const a = (i / leaves) * Math.PI * 2 + rnd();
      const lh = (h - potH) * (0.6 + rnd() * 0.4);
      k.cone(0.09, lh, Math.cos(a) * r * 0.25, potH, Math.sin(a) * r * 0.25, LEAF[i % 4], 4, { rx: Math.sin(a) * 0.45, rz: -Math.cos(a) * 0.45 });
    }
    k.blob(r * 0.6, 0, potH + (h - potH) * 0.45, 0, LEAF[2]);
  },

  lamp(k, w, d, h, c) {
    if (h >= 3) {
      k.cyl(0.2, 0.25, 0.3, 0, 0, 0, IRON, 6);
      k.cyl(0.06, 0.08, h - 0.5, 0, 0.3, 0, IRON, 6);
      k.cyl(0.25, 0.12, 0.15, 0, h - 0.25, 0, IRON, 6);
      k.sphere(0.2, 0, h - 0.35, 0, '#fff1c1', { layer: 'glow' });
      k.cone(0.28, 0.2, 0, h - 0.12, 0, IRON, 6);
    } else {
      k.cyl(0.15, 0.18, 0.05, 0, 0, 0, IRON, 8);
      k.cyl(0.025, 0.025, h - 0.4, 0, 0.05, 0, BRASS, 5);
      k.cyl(0.12, 0.22, 0.35, 0, h - 0.4, 0, '#fff3d1', 8, { layer: 'glow' });
    }
  },

  globe(k, w, d, h, c) {
    k.cyl(0.2, 0.25, 0.05, 0, 0, 0, DARK_WOOD, 8);
    k.cyl(0.03, 0.03, h - 0.35, 0, 0.05, 0, BRASS, 5);
    k.sphere(0.3, 0, h - 0.3, 0, '#2e86c1');
    k.blob(0.16, 0.15, h - 0.22, 0.15, '#58a55c');
    k.blob(0.12, -0.2, h - 0.35, -0.1, '#58a55c');
    k.torus(0.33, 0.015, 0, h - 0.3, 0, BRASS, { rz: 0.4 });
  },

  sign(k, w, d, h, c) {
    k.box(0.08, h, 0.08, 0, 0, 0, IRON);
    k.box(Math.max(w, 0.8), 0.4, 0.05, 0, h - 0.6, 0.05, c.theme.accent || '#2aa198');
  },

  box(k, w, d, h, c) {
    k.box(w, h, d, 0, 0, 0, c.theme.unknown || '#b7b1a6');
  },
};

function shade(hex) {
  const col = new THREE.Color(hex);
  col.offsetHSL(0, 0, -0.06);
  return `#${col.getHexString()}`;
}

// Kinds whose model has a front; the rest look the same from every side.
const AGAINST_WALL = new Set(['painting', 'board', 'shelf']);
const LINEAR = new Set(['bench', 'counter', 'screen', 'wall', 'desk', 'sign', 'display-case']);

/**
 * The heading (radians about +y, 0 = front toward +z) an obstacle's model should face, inferred
 * from the layout because the protocol's obstacles carry no rotation: wall-mounted things face away
 * from the nearest edge, beds put their head to it, chairs face the nearest desk, table or board,
 * and long things face the middle of the space.
 */
export function facing(o, layout) {
  const W = layout.width, D = layout.depth;
  const along = (ax) => (ax === 'z' ? (o.z < D / 2 ? 0 : Math.PI) : o.x < W / 2 ? Math.PI / 2 : -Math.PI / 2);
  if (AGAINST_WALL.has(o.kind) || o.kind === 'bed') {
    const longX = o.w >= o.d;
    if (o.kind === 'bed') return longX ? along('x') : along('z');
    if (o.kind === 'shelf' && Math.min(o.x, W - o.x, o.z, D - o.z) > 1.5 && o.d >= 0.95 && longX) return 0;
    return longX ? along('z') : along('x');
  }
  if (o.kind === 'chair') {
    let best = null, bd = 3;
    for (const t of layout.obstacles) {
      if (!['desk', 'counter', 'board', 'bed'].includes(t.kind)) continue;
      const dd = Math.hypot(t.x - o.x, t.z - o.z);
      if (dd < bd) { bd = dd; best = t; }
    }
    const tx = best ? best.x : W / 2, tz = best ? best.z : D / 2;
    const a = Math.atan2(tx - o.x, tz - o.z);
    return Math.round(a / (Math.PI / 2)) * (Math.PI / 2);
  }
  if (LINEAR.has(o.kind)) {
    if (o.kind === 'desk' || o.kind === 'counter') {
      // Whoever sits at it is behind it: the front faces away from the nearest chair.
      const chair = layout.obstacles.find((t) => t.kind === 'chair' && Math.hypot(t.x - o.x, t.z - o.z) < 1.6);
      if (chair) return Math.round(Math.atan2(o.x - chair.x, o.z - chair.z) / (Math.PI / 2)) * (Math.PI / 2);
    }
    const longX = o.w >= o.d;
    if (longX) return o.z < D / 2 ? 0 : Math.PI;
    return o.x < W / 2 ? Math.PI / 2 : -Math.PI / 2;
  }
  return 0;
}
