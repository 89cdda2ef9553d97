// Emotes: wave, clap, dance, sit and point. A bar of buttons (and keys 1-5 when no field has the
// focus) sends `emote`; the server tells everyone in the instance, and each client plays it on that
// avatar for a few seconds (sitting lasts until the avatar moves). A small label above the head says
// what is happening, for people who cannot make out the animation, and goes to screen readers.
import * as THREE from 'three';
import { CSS2DObject } from 'three/addons/renderers/CSS2DRenderer.js';
import { message } from '../protocol.js';
import schema from '../../../protocol/worldmind-ws.json';

const EMOTES = schema.clientToServer.emote.fields.properties.emote.enum;

const SHOW = {
  wave: { icon: '👋', verb: 'waves', seconds: 2.5 },
  clap: { icon: '👏', verb: 'claps', seconds: 2 },
  dance: { icon: '💃', verb: 'dances', seconds: 4 },
  sit: { icon: '🪑', verb: 'sits down', seconds: Infinity },
  point: { icon: '👉', verb: 'points', seconds: 2.5 },
};
const ARM = new THREE.BoxGeometry(0.09, 0.45, 0.09);
const HAND = new THREE.SphereGeometry(0.07, 8, 6);

/**
 * Installs the emote bar and the `emote` message. `avatarOf(id)` gives the avatar group drawn for an
 * account (or null), `nameOf(id)` its name (for the screen-reader line). Returns `animate(t)`, to call every frame before
 * rendering (after the walk animation, which it overrides while an emote plays).
 */
export function installEmotes({ router, send, avatarOf, nameOf }) {
  const playing = new Map(); // account id -> {name, start, at: {x, z}, group, extra: [meshes], tag}
  let clock = 0;

  const bar = document.createElement('div');
  bar.id = 'emote-bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Emotes');
  bar.style.cssText = 'position:fixed;right:12px;bottom:12px;z-index:6;display:flex;gap:4px;';
  EMOTES.forEach((name, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.emote = name;
    b.title = `${name} (key ${i + 1})`;
    b.setAttribute('aria-label', name);
    b.textContent = SHOW[name]?.icon ?? name;
    b.style.cssText = 'font-size:20px;padding:4px 8px;border-radius:10px;border:1px solid rgba(255,255,255,0.3);background:rgba(20,24,32,0.7);cursor:pointer;';
    b.onclick = () => send(message('emote', { emote: name }));
    bar.append(b);
  });
  const live = document.createElement('div');
  live.id = 'emote-live';
  live.setAttribute('aria-live', 'polite');
  live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);';
  document.body.append(bar, live);
  addEventListener('keydown', (e) => {
    const field = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]');
    const n = Number(e.key);
    if (field || e.ctrlKey || e.metaKey || e.altKey || !(n >= 1 && n <= EMOTES.length)) return;
    send(message('emote', { emote: EMOTES[n - 1] }));
  });

  router.on('emote', (m) => {
    stop(m.id);
    const group = avatarOf(m.id);
    if (!group || !SHOW[m.emote]) return;
    const p = { name: m.emote, start: clock, at: { x: group.position.x, z: group.position.z }, group, extra: [] };
    const el = document.createElement('div');
    el.className = 'nametag emote';
    el.textContent = SHOW[m.emote].icon;
    el.setAttribute('aria-hidden', 'true');
    p.tag = new CSS2DObject(el);
    p.tag.position.set(0, (group.userData.height ?? 1.7) + 0.5, 0);
    group.add(p.tag);
    limbs(p);
    playing.set(m.id, p);
    live.textContent = `${nameOf(m.id)} ${SHOW[m.emote].verb}.`;
  });
  router.on('joined', () => [...playing.keys()].forEach(stop));

  function limbs(p) {
    const inner = p.group.userData.parts?.inner;
    if (!inner) return;
    const material = inner.children.find((c) => c.isMesh)?.material;
    const add = (geom, x, y, z) => {
      const m = new THREE.Mesh(geom, material);
      m.position.set(x, y, z);
      inner.add(m);
      p.extra.push(m);
      return m;
    };
    if (p.name === 'wave' || p.name === 'point') p.arm = add(ARM, 0.3, 1.05, 0);
    if (p.name === 'clap') p.hands = [add(HAND, -0.12, 0.95, 0.3), add(HAND, 0.12, 0.95, 0.3)];
  }

  function stop(id) {
    const p = playing.get(id);
    if (!p) return;
    playing.delete(id);
    p.tag.element.remove();
    p.tag.removeFromParent();
    p.extra.forEach((m) => m.removeFromParent());
    const parts = p.group.userData.parts;
    if (parts) {
      parts.inner.rotation.set(0, 0, 0);
      parts.inner.position.y = 0;
      parts.legs.forEach((l) => (l.rotation.x = 0));
    }
  }

  /** Plays every emote at time t (seconds); ends those that are over or whose avatar walked. */
  return function animate(t) {
    clock = t;
    for (const [id, p] of playing) {
      const moved = Math.hypot(p.group.position.x - p.at.x, p.group.position.z - p.at.z) > 0.05;
      if (!p.group.parent || moved || t - p.start > SHOW[p.name].seconds) {
        stop(id);
        continue;
      }
      const k = t - p.start;
      const parts = p.group.userData.parts;
      if (!parts) continue;
      if (p.name === 'wave') {
        p.arm.position.set(0.32, 1.35, 0);
        p.arm.rotation.z = 0.5 + Math.sin(k * 10) * 0.45;
      } else if (p.name === 'point') {
        p.arm.position.set(0.25, 1.0, 0.25);
        p.arm.rotation.x = Math.PI / 2;
      } else if (p.name === 'clap') {
        const gap = 0.03 + Math.abs(Math.sin(k * 9)) * 0.12;
        p.hands[0].position.x = -gap;
        p.hands[1].position.x = gap;
      } else if (p.name === 'dance') {
        parts.inner.rotation.y = k * 5;
        parts.inner.position.y = Math.abs(Math.sin(k * 8)) * 0.12;
        parts.legs.forEach((l, i) => (l.rotation.x = Math.sin(k * 8 + i * Math.PI) * 0.6));
      } else if (p.name === 'sit') {
        parts.inner.position.y = -0.3;
        parts.legs.forEach((l) => (l.rotation.x = -Math.PI / 2.4));
      }
    }
  };
}
