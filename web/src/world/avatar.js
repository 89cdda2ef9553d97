// Avatars drawn from an Appearance: body/head/accent colours, a shape (round | box | slim) and a
// height factor. The name tag is a DOM element (CSS2DObject) so tests and users can click it.
import * as THREE from 'three';
import { CSS2DObject } from 'three/addons/renderers/CSS2DRenderer.js';

export const DEFAULT_APPEARANCE = { body: '#3366cc', head: '#f1c27d', accent: '#ffcc00', shape: 'round', height: 1.0 };
const SHAPES = ['round', 'box', 'slim'];

/** A valid appearance: missing or bad fields fall back to the defaults. */
export function normalizeAppearance(a = {}) {
  const hex = (v, d) => (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) ? v : d);
  const h = Number(a.height);
  return {
    body: hex(a.body, DEFAULT_APPEARANCE.body),
    head: hex(a.head, DEFAULT_APPEARANCE.head),
    accent: hex(a.accent, DEFAULT_APPEARANCE.accent),
    shape: SHAPES.includes(a.shape) ? a.shape : 'round',
    height: Number.isFinite(h) ? Math.min(1.3, Math.max(0.7, h)) : 1,
  };
}

const geo = {
  capsule: new THREE.CapsuleGeometry(0.26, 0.42, 3, 10),
  sphere: new THREE.SphereGeometry(0.2, 12, 9),
  box: new THREE.BoxGeometry(1, 1, 1),
  cyl: new THREE.CylinderGeometry(1, 1, 1, 10),
  eye: new THREE.SphereGeometry(0.035, 6, 4),
  torus: new THREE.TorusGeometry(0.2, 0.06, 6, 14),
  cone: new THREE.ConeGeometry(1, 1, 10),
};
const EYE = new THREE.MeshBasicMaterial({ color: '#1b1b1b' });

/**
 * Builds an avatar group (feet at y = 0, facing +z). `name` and `id` add a name tag; the group's
 * userData.parts holds the legs for the walk animation.
 */
export function makeAvatar(appearance, { name = null, id = null, self = false, shadows = true } = {}) {
  const a = normalizeAppearance(appearance);
  const body = new THREE.MeshLambertMaterial({ color: a.body });
  const head = new THREE.MeshLambertMaterial({ color: a.head });
  const accent = new THREE.MeshLambertMaterial({ color: a.accent });
  const dark = new THREE.MeshLambertMaterial({ color: new THREE.Color(a.body).multiplyScalar(0.45) });
  const g = new THREE.Group();
  const inner = new THREE.Group();
  g.add(inner);
  const add = (geom, mat, x, y, z, sx = 1, sy = 1, sz = 1) => {
    const m = new THREE.Mesh(geom, mat);
    m.position.set(x, y, z);
    m.scale.set(sx, sy, sz);
    m.castShadow = shadows;
    inner.add(m);
    return m;
  };
  let headY;
  const legs = [];
  if (a.shape === 'box') {
    for (const x of [-0.13, 0.13]) legs.push(add(geo.box, dark, x, 0.2, 0, 0.18, 0.4, 0.22));
    add(geo.box, body, 0, 0.75, 0, 0.56, 0.7, 0.34);
    add(geo.box, accent, 0, 0.5, 0, 0.58, 0.1, 0.36);
    add(geo.box, accent, 0, 0.9, -0.2, 0.36, 0.4, 0.12);
    headY = 1.32;
    add(geo.box, head, 0, headY, 0, 0.38, 0.36, 0.36);
  } else if (a.shape === 'slim') {
    for (const x of [-0.08, 0.08]) legs.push(add(geo.cyl, dark, x, 0.25, 0, 0.055, 0.5, 0.055));
    add(geo.cyl, body, 0, 0.85, 0, 0.17, 0.75, 0.17);
    add(geo.torus, accent, 0, 1.16, 0, 0.85, 0.85, 0.85).rotation.x = Math.PI / 2;
    headY = 1.42;
    add(geo.sphere, head, 0, headY, 0, 0.95, 1.05, 0.95);
    add(geo.cone, accent, 0, headY + 0.3, 0, 0.17, 0.3, 0.17);
  } else {
    for (const x of [-0.11, 0.11]) legs.push(add(geo.cyl, dark, x, 0.15, 0, 0.08, 0.3, 0.08));
    add(geo.capsule, body, 0, 0.72, 0);
    add(geo.torus, accent, 0, 1.06, 0, 1.05, 1.05, 1.05).rotation.x = Math.PI / 2;
    headY = 1.3;
    add(geo.sphere, head, 0, headY, 0, 1.1, 1.1, 1.1);
  }
  for (const x of [-0.075, 0.075]) {
    const e = new THREE.Mesh(geo.eye, EYE);
    e.position.set(x, headY + 0.03, a.shape === 'box' ? 0.185 : 0.2);
    inner.add(e);
  }
  inner.scale.setScalar(a.height);
  g.userData.parts = { legs, inner, baseY: 0 };
  g.userData.height = (headY + 0.35) * a.height;
  if (name != null) {
    const el = document.createElement('div');
    el.className = self ? 'nametag self' : 'nametag';
    if (id != null) el.dataset.accountId = String(id);
    el.textContent = name;
    const tag = new CSS2DObject(el);
    tag.position.set(0, g.userData.height + 0.15, 0);
    g.add(tag);
    g.userData.tag = tag;
  }
  return g;
}

/** Walk animation: legs swing and the body bobs while `moving`. */
export function animateAvatar(g, t, moving) {
  const p = g.userData.parts;
  if (!p) return;
  const s = moving ? Math.sin(t * 12) : 0;
  p.legs.forEach((l, i) => (l.rotation.x = (i ? s : -s) * 0.5));
  p.inner.position.y = moving ? Math.abs(Math.sin(t * 12)) * 0.05 : 0;
}

/** Removes an avatar and its DOM name tag. */
export function disposeAvatar(g) {
  if (g.userData.tag) g.userData.tag.element.remove();
  g.removeFromParent();
  g.traverse((o) => {
    if (o.isMesh && o.material !== EYE) o.material.dispose();
  });
}
