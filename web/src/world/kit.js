// Collects the primitive parts of static scenery and merges them into a few meshes: one lit mesh
// with vertex colours for everything opaque, one unlit mesh for glowing parts (lamps, water jets)
// and one for glass. Hundreds of parts become three draw calls, which software WebGL needs.
import * as THREE from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';

const GEOMS = new Map();
const unit = (key, make) => {
  if (!GEOMS.has(key)) GEOMS.set(key, make());
  return GEOMS.get(key);
};

export class Kit {
  constructor() {
    this.parts = { solid: [], glow: [], glass: [] };
    this.base = new THREE.Matrix4();
    this._m = new THREE.Matrix4();
    this._q = new THREE.Quaternion();
    this._e = new THREE.Euler();
    this._c = new THREE.Color();
  }

  /** Puts the following parts in a frame at floor point (x, z), turned by ry about the vertical. */
  place(x, z, ry = 0, y = 0) {
    this.base.makeRotationY(ry).setPosition(x, y, z);
    return this;
  }

  add(geom, color, x, y, z, { sx = 1, sy = 1, sz = 1, rx = 0, ry = 0, rz = 0, layer = 'solid' } = {}) {
    // Polyhedra come without an index and boxes with one; merging needs them all alike.
    const g = geom.index ? geom.toNonIndexed() : geom.clone();
    this._e.set(rx, ry, rz);
    this._q.setFromEuler(this._e);
    this._m.compose(new THREE.Vector3(x, y, z), this._q, new THREE.Vector3(sx, sy, sz));
    g.applyMatrix4(this._m.premultiply(this.base));
    for (const a of Object.keys(g.attributes)) if (a !== 'position' && a !== 'normal') g.deleteAttribute(a);
    const n = g.attributes.position.count;
    const col = new Float32Array(n * 3);
    this._c.set(color);
    for (let i = 0; i < n; i++) col.set([this._c.r, this._c.g, this._c.b], i * 3);
    g.setAttribute('color', new THREE.BufferAttribute(col, 3));
    this.parts[layer].push(g);
    return this;
  }

  /** A box with its bottom at y. */
  box(w, h, d, x, y, z, color, o = {}) {
    const g = unit('box', () => new THREE.BoxGeometry(1, 1, 1));
    return this.add(g, color, x, y + h / 2, z, { ...o, sx: w, sy: h, sz: d });
  }

  /** A cylinder (or truncated cone) with its bottom at y. */
  cyl(rTop, rBottom, h, x, y, z, color, seg = 8, o = {}) {
    const g = unit(`cyl-${rTop / rBottom}-${seg}`, () => new THREE.CylinderGeometry(rTop / rBottom, 1, 1, seg));
    return this.add(g, color, x, y + h / 2, z, { ...o, sx: rBottom, sy: h, sz: rBottom });
  }

  cone(r, h, x, y, z, color, seg = 7, o = {}) {
    const g = unit(`cone-${seg}`, () => new THREE.ConeGeometry(1, 1, seg));
    return this.add(g, color, x, y + h / 2, z, { ...o, sx: r, sy: h, sz: r });
  }

  sphere(r, x, y, z, color, o = {}) {
    const g = unit('sphere', () => new THREE.SphereGeometry(1, 10, 7));
    return this.add(g, color, x, y, z, { sx: r, sy: r, sz: r, ...o });
  }

  /** A faceted blob (icosahedron): foliage, rocks. */
  blob(r, x, y, z, color, o = {}) {
    const g = unit('ico', () => new THREE.IcosahedronGeometry(1, 0));
    return this.add(g, color, x, y, z, { sx: r, sy: r, sz: r, ...o });
  }

  torus(r, tube, x, y, z, color, o = {}) {
    const g = unit(`torus-${(tube / r).toFixed(2)}`, () => new THREE.TorusGeometry(1, tube / r, 6, 16));
    return this.add(g, color, x, y, z, { sx: r, sy: r, sz: r, ...o });
  }

  knot(r, x, y, z, color, o = {}) {
    const g = unit('knot', () => new THREE.TorusKnotGeometry(1, 0.3, 48, 6));
    return this.add(g, color, x, y, z, { sx: r, sy: r, sz: r, ...o });
  }

  /** Builds the merged meshes (and forgets the parts). */
  build({ shadows = true } = {}) {
    const group = new THREE.Group();
    const make = (parts, material, cast) => {
      if (!parts.length) return;
      const mesh = new THREE.Mesh(mergeGeometries(parts, false), material);
      mesh.castShadow = cast && shadows;
      mesh.receiveShadow = cast && shadows;
      mesh.matrixAutoUpdate = false;
      group.add(mesh);
      parts.forEach((p) => p.dispose());
    };
    make(this.parts.solid, new THREE.MeshLambertMaterial({ vertexColors: true, flatShading: true }), true);
    make(this.parts.glow, new THREE.MeshBasicMaterial({ vertexColors: true }), false);
    make(this.parts.glass, new THREE.MeshLambertMaterial({ vertexColors: true, transparent: true, opacity: 0.28, depthWrite: false }), false);
    this.parts = { solid: [], glow: [], glass: [] };
    return group;
  }
}
