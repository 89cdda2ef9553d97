// The three.js world: builds a space's scenery from its layout and theme, holds the avatars, and
// renders with a third-person camera. No networking here; main.js and preview.js drive it.
import * as THREE from 'three';
import { CSS2DRenderer, CSS2DObject } from 'three/addons/renderers/CSS2DRenderer.js';
import { Kit } from './kit.js';
import { MODELS, facing } from './models.js';
import { themeFor, PORTAL_COLORS } from './themes.js';
import { floorTexture, skyTexture, glowTexture, fadeTexture, swirlTexture, signTexture, PAINTING_STYLES } from './textures.js';
import { decorate } from './decor.js';
import { makeAvatar, animateAvatar, disposeAvatar } from './avatar.js';
import { rng } from './rng.js';
import { moodLabel } from './moods.js';

export class World {
  constructor(canvas, labelParent) {
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(1); // software WebGL in tests: never render more pixels than CSS
    this.renderer.shadowMap.enabled = true;
    this.renderer.shadowMap.type = THREE.PCFShadowMap;
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.labels = new CSS2DRenderer();
    this.labels.domElement.className = 'label-layer';
    labelParent.appendChild(this.labels.domElement);
    this.scene = new THREE.Scene();
    this.camera = new THREE.PerspectiveCamera(55, 1, 0.1, 400);
    this.cam = { yaw: 0, pitch: 0.55, dist: 11, target: new THREE.Vector3() };
    this.raycaster = new THREE.Raycaster();
    this.space = null;
    this.spaceGroup = null;
    this.self = null;
    this.others = new Map();
    this.characters = new Map(); // AI characters: id -> avatar group
    this.animated = [];
    this.itemMeshes = [];
    this.itemLabels = [];
    this.itemGems = new Map(); // item id -> its floating gem
    this.highlighted = new Set(); // "for you" item ids: a bigger green gem, the label always shown
    this.floor = null;
    this.walls = [];
    this.clock = 0;
    this.resize();
  }

  resize() {
    const el = this.renderer.domElement;
    const w = el.clientWidth || window.innerWidth, h = el.clientHeight || window.innerHeight;
    this.renderer.setSize(w, h, false);
    this.labels.setSize(w, h);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
  }

  /** Replaces the scenery with the given Space (protocol shape). Avatars are kept. */
  load(space) {
    this.clearSpace();
    this.space = space;
    const L = space.layout;
    const theme = themeFor(space.kind);
    const g = new THREE.Group();
    this.spaceGroup = g;
    this.scene.add(g);
    this.scene.background = skyTexture(theme.sky[0], theme.sky[1]);
    this.scene.fog = new THREE.Fog(theme.fog[0], theme.fog[1], theme.fog[2]);

    // Light: sky/ground fill plus one sun whose shadow camera just covers the space.
    const hemi = new THREE.HemisphereLight(theme.hemi[0], theme.hemi[1], theme.hemi[2]);
    const sun = new THREE.DirectionalLight(theme.sun[0], theme.sun[1]);
    const [sx, sy, sz] = theme.sun[2];
    sun.position.set(L.width / 2 + sx, sy, L.depth / 2 + sz);
    sun.target.position.set(L.width / 2, 0, L.depth / 2);
    sun.castShadow = true;
    const size = Math.max(L.width, L.depth) * 0.75;
    Object.assign(sun.shadow.camera, { left: -size, right: size, top: size, bottom: -size, near: 1, far: 160 });
    sun.shadow.mapSize.set(1024, 1024);
    sun.shadow.bias = -0.0008;
    sun.shadow.normalBias = 0.03;
    g.add(hemi, sun, sun.target);

    // Floor and the land around it.
    const floorMat = new THREE.MeshLambertMaterial({ map: floorTexture(theme.floor, L.width, L.depth) });
    this.floor = new THREE.Mesh(new THREE.PlaneGeometry(L.width, L.depth), floorMat);
    this.floor.rotation.x = -Math.PI / 2;
    this.floor.position.set(L.width / 2, 0, L.depth / 2);
    this.floor.receiveShadow = true;
    g.add(this.floor);
    const around = new THREE.Mesh(
      new THREE.PlaneGeometry(400, 400),
      theme.outside ? new THREE.MeshLambertMaterial({ map: floorTexture(theme.outside, 400, 400) }) : new THREE.MeshLambertMaterial({ color: '#3a332c' }),
    );
    around.rotation.x = -Math.PI / 2;
    around.position.set(L.width / 2, -0.12, L.depth / 2);
    g.add(around);

    // Obstacles: one merged mesh for all of them.
    const kit = new Kit();
    const ctx = { theme, rnd: rng(space.id), index: 0, attach: (m, x, y, z, ry = 0) => this.#attach(g, kit, m, x, y, z, ry) };
    let paintingIndex = 0, plinthIndex = 0;
    for (const o of L.obstacles) {
      if (o.kind === 'wall') {
        // Walls get their own meshes so the camera can cut them away.
        const wk = new Kit().place(o.x, o.z, 0);
        MODELS.wall(wk, o.w, o.d, o.h, ctx);
        const wm = wk.build();
        wm.userData.obstacle = o;
        this.walls.push(wm);
        g.add(wm);
        continue;
      }
      const ry = facing(o, L);
      const turned = Math.abs(Math.sin(ry)) > 0.5;
      const w = turned ? o.d : o.w, d = turned ? o.w : o.d;
      kit.place(o.x, o.z, ry);
      const model = MODELS[o.kind] || MODELS.box;
      ctx.index = o.kind === 'painting' ? paintingIndex++ : o.kind === 'plinth' ? plinthIndex++ : ctx.index + 1;
      ctx.style = o.kind === 'painting' ? paintingStyle(L, o, ctx.index) : null;
      model(kit, w, d, o.h, ctx);
    }
    kit.place(0, 0, 0);
    decorate(kit, g, space, theme, ctx);
    g.add(kit.build());
    this.#washes(g, L, theme);
    this.#portals(g, L);
    this.#items(g, space, theme);
  }

  #attach(group, kit, mesh, x, y, z, ry) {
    mesh.position.set(x, y, z).applyMatrix4(kit.base);
    mesh.quaternion.setFromRotationMatrix(kit.base);
    mesh.rotateY(ry);
    mesh.receiveShadow = true;
    group.add(mesh);
  }

  // Warm light washed onto the wall above each painting and a pool under each lamp: fake lights,
  // additive planes instead of real spot lights (cheap in software WebGL).
  #washes(g, L, theme) {
    if (!theme.wash) return;
    const mat = new THREE.MeshBasicMaterial({ map: fadeTexture(), color: theme.wash, transparent: true, opacity: 0.3, blending: THREE.AdditiveBlending, depthWrite: false });
    const pool = new THREE.MeshBasicMaterial({ map: glowTexture(), color: theme.wash, transparent: true, opacity: 0.28, blending: THREE.AdditiveBlending, depthWrite: false });
    for (const o of L.obstacles) {
      if (o.kind !== 'painting' && o.kind !== 'plinth' && o.kind !== 'display-case') continue;
      if (o.kind === 'painting') {
        const ry = facing(o, L);
        const w = Math.max(o.w, o.d);
        const m = new THREE.Mesh(new THREE.PlaneGeometry(w * 1.3, 3.2), mat);
        m.position.set(o.x, 2.4, o.z).add(new THREE.Vector3(Math.sin(ry), 0, Math.cos(ry)).multiplyScalar(0.12));
        m.rotation.y = ry;
        g.add(m);
      }
      const p = new THREE.Mesh(new THREE.PlaneGeometry(3.2, 3.2), pool);
      p.rotation.x = -Math.PI / 2;
      const ry = facing(o, L);
      const off = o.kind === 'painting' ? 1.3 : 0;
      p.position.set(o.x + Math.sin(ry) * off, 0.015, o.z + Math.cos(ry) * off);
      g.add(p);
    }
  }

  #portals(g, L) {
    const swirl = swirlTexture(), glow = glowTexture();
    for (const p of L.portals) {
      const col = new THREE.Color(PORTAL_COLORS[p.target] || '#46c2ff');
      const grp = new THREE.Group();
      grp.position.set(p.x, 0, p.z);
      grp.rotation.y = Math.atan2(L.width / 2 - p.x, L.depth / 2 - p.z);
      const r = p.radius;
      const ring = new THREE.Mesh(new THREE.TorusGeometry(r * 0.8, 0.11, 8, 32), new THREE.MeshBasicMaterial({ color: col }));
      ring.position.y = r * 0.8 + 0.25;
      const inner = new THREE.Mesh(
        new THREE.CircleGeometry(r * 0.78, 24),
        new THREE.MeshBasicMaterial({ map: swirl, color: col, transparent: true, opacity: 0.8, blending: THREE.AdditiveBlending, depthWrite: false, side: THREE.DoubleSide }),
      );
      inner.position.y = ring.position.y;
      const disc = new THREE.Mesh(
        new THREE.PlaneGeometry(r * 2.6, r * 2.6),
        new THREE.MeshBasicMaterial({ map: glow, color: col, transparent: true, opacity: 0.9, blending: THREE.AdditiveBlending, depthWrite: false }),
      );
      disc.rotation.x = -Math.PI / 2;
      disc.position.y = 0.02;
      const base = new THREE.Mesh(new THREE.CylinderGeometry(r * 0.95, r, 0.08, 24), new THREE.MeshLambertMaterial({ color: '#d8dde3' }));
      base.position.y = 0.0;
      base.receiveShadow = true;
      grp.add(base, disc, ring, inner);
      const el = document.createElement('div');
      el.className = 'portal-label';
      el.dataset.portal = p.id;
      el.textContent = `→ ${p.label}`;
      el.style.setProperty('--portal', `#${col.getHexString()}`);
      const label = new CSS2DObject(el);
      label.position.set(0, r * 1.6 + 0.6, 0);
      grp.add(label);
      g.add(grp);
      this.animated.push((t) => {
        inner.rotation.z = t * 1.5;
        inner.material.opacity = 0.6 + Math.sin(t * 3) * 0.2;
        disc.material.opacity = 0.7 + Math.sin(t * 2) * 0.2;
      });
    }
  }

  #items(g, space, theme) {
    const kind = space.kind;
    const col = PORTAL_COLORS[kind] || '#ffd166';
    const gemMat = new THREE.MeshBasicMaterial({ color: col });
    const gemGeo = new THREE.OctahedronGeometry(0.16, 0);
    const rnd = rng(`${space.id}-items`);
    for (const it of space.layout.items) {
      const kit = new Kit();
      kit.place(it.x, it.z, Math.atan2(space.layout.width / 2 - it.x, space.layout.depth / 2 - it.z));
      (ITEM_STANDS[kind] || ITEM_STANDS.plaza)(kit, rnd, theme);
      const stand = kit.build();
      const gem = new THREE.Mesh(gemGeo, gemMat);
      gem.position.set(it.x, 1.75, it.z);
      const grp = new THREE.Group();
      grp.add(stand, gem);
      grp.traverse((o) => (o.userData.item = it));
      // A larger invisible hit box makes small stands easy to click.
      const hit = new THREE.Mesh(new THREE.BoxGeometry(0.9, 2, 0.9), new THREE.MeshBasicMaterial({ visible: false }));
      hit.position.set(it.x, 1, it.z);
      hit.userData.item = it;
      grp.add(hit);
      g.add(grp);
      this.itemMeshes.push(hit);
      const el = document.createElement('div');
      el.className = 'item-label';
      el.dataset.item = it.id;
      el.textContent = it.price != null ? `${it.name} · ${formatPrice(it.price)}` : it.name;
      const label = new CSS2DObject(el);
      label.position.set(it.x, 2.15, it.z);
      g.add(label);
      this.itemLabels.push({ label, it });
      this.itemGems.set(it.id, gem);
      const phase = rnd() * 6;
      this.animated.push((t) => {
        gem.rotation.y = t * 1.2 + phase;
        gem.position.y = 1.75 + Math.sin(t * 2 + phase) * 0.08;
      });
    }
  }

  /** Marks the recommended items of this space ("for you"); an empty list clears the marks. */
  highlightItems(ids) {
    this.highlighted = new Set(ids);
    for (const [id, gem] of this.itemGems) {
      const on = this.highlighted.has(id);
      if (!gem.userData.plain) gem.userData.plain = gem.material;
      gem.material = on ? FOR_YOU_MATERIAL : gem.userData.plain;
      gem.scale.setScalar(on ? 1.8 : 1);
    }
    for (const { label, it } of this.itemLabels) label.element.classList.toggle('for-you', this.highlighted.has(it.id));
  }

  clearSpace() {
    if (!this.spaceGroup) return;
    this.spaceGroup.traverse((o) => {
      if (o.isCSS2DObject) o.element.remove();
      if (o.geometry) o.geometry.dispose();
      if (o.material) [].concat(o.material).forEach((m) => m.dispose());
    });
    this.scene.remove(this.spaceGroup);
    this.spaceGroup = null;
    this.animated = [];
    this.itemMeshes = [];
    this.itemLabels = [];
    this.itemGems = new Map();
    this.highlighted = new Set();
    this.walls = [];
  }

  /** Creates or replaces the local avatar. */
  setSelf(p) {
    if (this.self) disposeAvatar(this.self);
    this.self = makeAvatar(p.appearance, { name: p.name, id: p.id, self: true });
    this.self.position.set(p.x, 0, p.z);
    this.self.rotation.y = p.ry || 0;
    this.scene.add(this.self);
    this.cam.target.set(p.x, 1.2, p.z);
    this.cam.yaw = Math.atan2(p.x - this.space.layout.width / 2, p.z - this.space.layout.depth / 2);
    if (!Number.isFinite(this.cam.yaw) || (p.x === this.space.layout.width / 2 && p.z === this.space.layout.depth / 2)) this.cam.yaw = 0;
  }

  addOther(p) {
    this.removeOther(p.id);
    const a = makeAvatar(p.appearance, { name: p.name, id: p.id });
    a.position.set(p.x, 0, p.z);
    a.rotation.y = p.ry || 0;
    this.scene.add(a);
    this.others.set(p.id, a);
    return a;
  }

  removeOther(id) {
    const a = this.others.get(id);
    if (a) disposeAvatar(a);
    this.others.delete(id);
  }

  clearOthers() {
    for (const id of [...this.others.keys()]) this.removeOther(id);
  }

  /**
   * Places an AI character (protocol shape {id, name, role, x, z, ry, appearance, expression}): an
   * avatar with a name tag, a mood badge and a speech bubble.
   */
  addCharacter(c) {
    this.removeCharacter(c.id);
    const a = makeAvatar(c.appearance, { name: `${c.name} · ${c.role}` });
    a.position.set(c.x, 0, c.z);
    a.rotation.y = c.ry || 0;
    a.userData.character = c.id;
    a.traverse((o) => {
      if (o.isMesh) o.userData.character = c.id;
    });
    const tag = a.userData.tag.element;
    tag.classList.add('character');
    tag.dataset.character = c.id;
    const mood = document.createElement('span');
    mood.className = 'mood';
    tag.append(mood);
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.dataset.character = c.id;
    bubble.hidden = true;
    const b = new CSS2DObject(bubble);
    b.position.set(0, a.userData.height + 1.2, 0);
    a.add(b);
    a.userData.bubble = b;
    this.scene.add(a);
    this.characters.set(c.id, a);
    this.setExpression(c.id, c.expression || 'neutral');
    return a;
  }

  removeCharacter(id) {
    const a = this.characters.get(id);
    if (!a) return;
    a.userData.bubble.element.remove();
    disposeAvatar(a);
    this.characters.delete(id);
  }

  clearCharacters() {
    for (const id of [...this.characters.keys()]) this.removeCharacter(id);
  }

  /** Moves a walking character (the guide on a tour), swinging its legs while it walks. */
  placeCharacter(id, x, z, ry, walking) {
    const a = this.characters.get(id);
    if (!a) return;
    a.position.set(x, 0, z);
    a.rotation.y = ry;
    const legs = a.userData.parts?.legs;
    if (legs) {
      const s = walking ? Math.sin(this.clock * 12) : 0;
      legs.forEach((l, i) => (l.rotation.x = (i ? s : -s) * 0.5));
    }
  }

  /** Shows a character's mood on its badge and in its posture. */
  setExpression(id, expression) {
    const a = this.characters.get(id);
    if (!a) return;
    a.userData.expression = expression;
    const mood = a.userData.tag.element.querySelector('.mood');
    mood.textContent = moodLabel(expression);
    a.userData.tag.element.dataset.expression = expression;
  }

  /** Shows text in a character's speech bubble; empty text hides it. */
  say(id, text) {
    const a = this.characters.get(id);
    if (!a) return;
    const el = a.userData.bubble.element;
    el.textContent = text;
    el.hidden = !text;
  }

  /** Where a character's chest is on screen, in client coordinates, or null. */
  screenOf(id) {
    const a = this.characters.get(id);
    if (!a) return null;
    const v = new THREE.Vector3(a.position.x, 0.9, a.position.z).project(this.camera);
    const r = this.renderer.domElement.getBoundingClientRect();
    return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
  }

  /** The AI character under a screen position (its id), or null. */
  pickCharacter(clientX, clientY) {
    this.#ray(clientX, clientY);
    const hit = this.raycaster.intersectObjects([...this.characters.values()], true)[0];
    return hit ? hit.object.userData.character ?? null : null;
  }

  /** The floor point under a screen position, or null. */
  pickFloor(clientX, clientY) {
    if (!this.floor) return null;
    this.#ray(clientX, clientY);
    const hit = this.raycaster.intersectObject(this.floor, false)[0];
    return hit ? { x: hit.point.x, z: hit.point.z } : null;
  }

  /** The item under a screen position, or null. */
  pickItem(clientX, clientY) {
    this.#ray(clientX, clientY);
    const hit = this.raycaster.intersectObjects(this.itemMeshes, false)[0];
    return hit ? hit.object.userData.item : null;
  }

  #ray(cx, cy) {
    const r = this.renderer.domElement.getBoundingClientRect();
    const v = new THREE.Vector2(((cx - r.left) / r.width) * 2 - 1, -((cy - r.top) / r.height) * 2 + 1);
    this.raycaster.setFromCamera(v, this.camera);
  }

  /** Advances animations and the camera; `selfMoving` animates the own avatar's legs. */
  update(dt, selfMoving = false) {
    this.clock += dt;
    const t = this.clock;
    for (const f of this.animated) f(t);
    for (const a of this.characters.values()) animateMood(a, t);
    if (this.self) {
      animateAvatar(this.self, t, selfMoving);
      const p = this.self.position;
      this.cam.target.lerp(new THREE.Vector3(p.x, 1.2, p.z), Math.min(1, dt * 8));
      for (const { label, it } of this.itemLabels) label.visible = this.highlighted.has(it.id) || Math.hypot(it.x - p.x, it.z - p.z) < 7;
    }
    const c = this.cam;
    const d = c.dist;
    const cp = Math.cos(c.pitch);
    this.camera.position.set(c.target.x + Math.sin(c.yaw) * cp * d, c.target.y + Math.sin(c.pitch) * d, c.target.z + Math.cos(c.yaw) * cp * d);
    // Walls between the camera and the avatar are lowered (a doll's-house cutaway).
    const cut = this.#occludingWalls(c);
    for (const w of this.walls) {
      const goal = cut.has(w.userData.obstacle) ? 0.12 : 1;
      w.scale.y += (goal - w.scale.y) * Math.min(1, dt * 10);
    }
    this.camera.lookAt(c.target);
  }

  #occludingWalls(c) {
    const hit = new Set();
    if (!this.space || !this.self) return hit;
    const cp = Math.cos(c.pitch), sp = Math.sin(c.pitch);
    for (let t = 0.5; t <= c.dist; t += 0.2) {
      const x = c.target.x + Math.sin(c.yaw) * cp * t, z = c.target.z + Math.cos(c.yaw) * cp * t, y = c.target.y + sp * t;
      for (const w of this.walls) {
        const o = w.userData.obstacle;
        if (y < o.h + 0.3 && Math.abs(x - o.x) < o.w / 2 + 0.4 && Math.abs(z - o.z) < o.d / 2 + 0.4) hit.add(o);
      }
    }
    return hit;
  }

  /** Points the camera at (x, z) from above: the designers' overview in the preview page. */
  overview(yaw = 0.6, pitch = 0.9, dist = null) {
    const L = this.space.layout;
    Object.assign(this.cam, { yaw, pitch, dist: dist ?? Math.max(L.width, L.depth) * 1.0 });
    this.cam.target.set(L.width / 2, 0, L.depth / 2);
  }

  render() {
    this.renderer.render(this.scene, this.camera);
    this.labels.render(this.scene, this.camera);
  }
}

const FOR_YOU_MATERIAL = new THREE.MeshBasicMaterial({ color: '#27ae60' });

/** Posture follows mood: a happy bounce, a sad droop, an annoyed shake. */
function animateMood(a, t) {
  const inner = a.userData.parts?.inner;
  if (!inner) return;
  const e = a.userData.expression;
  inner.position.y = e === 'happy' ? Math.abs(Math.sin(t * 4)) * 0.06 : 0;
  inner.rotation.x = e === 'sad' || e === 'concerned' ? 0.12 : 0;
  inner.rotation.y = e === 'annoyed' ? Math.sin(t * 14) * 0.08 : 0;
}

export function formatPrice(p) {
  return `${Number(p).toFixed(2)} ◈`;
}

// Paintings near a museum item take that item's style when its id names one.
function paintingStyle(L, o, index) {
  const it = L.items.find((i) => Math.hypot(i.x - o.x, i.z - o.z) < 3);
  const byId = { 'starry-night': 'starry', 'great-wave': 'wave', 'water-lilies': 'lilies', 'harbour-dawn': 'harbour' };
  return (it && byId[it.id]) || PAINTING_STYLES[(index + 4) % PAINTING_STYLES.length];
}

// The small stands items sit on: walk-through props, so they stay slim.
const ITEM_STANDS = {
  museum(k) {
    k.cyl(0.04, 0.04, 0.9, 0, 0, 0, '#3a3d42', 5);
    k.box(0.4, 0.04, 0.28, 0, 0.9, 0, '#c9a24a', { rx: -0.5 });
    k.cyl(0.18, 0.2, 0.04, 0, 0, 0, '#3a3d42', 8);
  },
  shop(k, rnd, theme) {
    k.cyl(0.22, 0.25, 0.7, 0, 0, 0, '#ffffff', 8);
    k.box(0.26, 0.22, 0.2, 0, 0.7, 0, theme.goods[Math.floor(rnd() * theme.goods.length)]);
    k.box(0.2, 0.12, 0.02, 0, 0.35, 0.24, '#f6c85f');
  },
  classroom(k) {
    k.box(0.5, 0.05, 0.4, 0, 0, 0, '#5e3d24');
    k.box(0.12, 0.9, 0.12, 0, 0.05, 0, '#8a6a46');
    k.box(0.5, 0.05, 0.38, 0, 0.95, 0, '#8a6a46', { rx: -0.35 });
    k.box(0.2, 0.02, 0.28, -0.1, 1.0, 0, '#fdfaf0', { rx: -0.35, rz: 0.1 });
    k.box(0.2, 0.02, 0.28, 0.1, 1.0, 0, '#fdfaf0', { rx: -0.35, rz: -0.1 });
  },
  clinic(k) {
    k.box(0.05, 1.2, 0.05, -0.22, 0, 0, '#b0bec5');
    k.box(0.05, 1.2, 0.05, 0.22, 0, 0, '#b0bec5');
    for (let i = 0; i < 3; i++) {
      k.box(0.5, 0.02, 0.12, 0, 0.45 + i * 0.3, 0.04, '#b0bec5');
      k.box(0.13, 0.2, 0.02, -0.14, 0.47 + i * 0.3, 0.06, ['#2a9d8f', '#e76f51', '#8ecae6'][i], { rx: -0.2 });
      k.box(0.13, 0.2, 0.02, 0.08, 0.47 + i * 0.3, 0.06, ['#f4a261', '#2a9d8f', '#e9c46a'][i], { rx: -0.2 });
    }
  },
  plaza(k) {
    k.box(0.08, 1.7, 0.08, -0.45, 0, 0, '#5e3d24');
    k.box(0.08, 1.7, 0.08, 0.45, 0, 0, '#5e3d24');
    k.box(1.0, 0.7, 0.05, 0, 0.85, 0, '#8a6a46');
    k.box(0.9, 0.6, 0.02, 0, 0.9, 0.03, '#f3ead6');
    k.box(0.25, 0.18, 0.01, -0.2, 1.2, 0.045, '#f6c85f');
    k.box(0.3, 0.22, 0.01, 0.18, 1.05, 0.045, '#8ecae6');
    k.box(0.2, 0.2, 0.01, -0.15, 0.98, 0.045, '#ff9aa2');
    k.box(1.15, 0.08, 0.25, 0, 1.7, 0, '#a34a28');
  },
};
