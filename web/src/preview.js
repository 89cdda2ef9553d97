// Designer preview: renders a space of the default world with a few sample avatars, no server.
import world from '../../worldmind-app/src/main/resources/dev/worldmind/app/world/default-world.json';
import { World } from './world/scene.js';

const q = new URLSearchParams(location.search);
const space = world.find((s) => s.id === q.get('space')) || world[0];
const canvas = document.getElementById('world-canvas');
const w = new World(canvas, document.getElementById('stage'));
w.load(space);
document.getElementById('space-name').textContent = `${space.name} (${space.kind})`;
const list = document.getElementById('space-list');
for (const s of world) {
  const b = document.createElement('button');
  b.dataset.space = s.id;
  b.textContent = s.name;
  b.onclick = () => (location.search = `?space=${s.id}&view=${q.get('view') || 'walk'}`);
  list.append(b);
}
const sp = space.layout.spawns;
const samples = [
  { name: 'Ada', appearance: { body: '#3366cc', head: '#f1c27d', accent: '#ffcc00', shape: 'round', height: 1 } },
  { name: 'Bo', appearance: { body: '#c0392b', head: '#8d5524', accent: '#ecf0f1', shape: 'box', height: 1.1 } },
  { name: 'Cy', appearance: { body: '#27ae60', head: '#ffdbac', accent: '#8e44ad', shape: 'slim', height: 0.9 } },
  { name: 'Di', appearance: { body: '#f39c12', head: '#c68642', accent: '#2c3e50', shape: 'round', height: 1.2 } },
];
w.setSelf({ id: 1, ...samples[0], x: sp[0].x, z: sp[0].z, ry: Math.PI });
samples.slice(1).forEach((s, i) => {
  const p = sp[(i + 1) % sp.length];
  w.addOther({ id: i + 2, ...s, x: p.x + (i === 2 ? 1.5 : 0), z: p.z - (i === 2 ? 1 : 0), ry: i });
});
if (q.get('view') === 'overview') w.overview(Number(q.get('yaw') ?? 0.6), Number(q.get('pitch') ?? 0.85));
else if (q.has('yaw')) w.cam.yaw = Number(q.get('yaw'));
addEventListener('resize', () => w.resize());

let frames = 0, last = performance.now(), total = 0;
window.worldmind = { ready: false, frameMs: 0 };
function loop(now) {
  const dt = Math.min(0.1, (now - last) / 1000);
  last = now;
  const t0 = performance.now();
  w.update(dt, false);
  if (q.get('view') === 'overview') w.cam.target.set(space.layout.width / 2, 0, space.layout.depth / 2);
  w.render();
  total += performance.now() - t0;
  frames++;
  window.worldmind.frameMs = total / frames;
  if (frames === 3) window.worldmind.ready = true;
  document.title = `preview ${space.id} ${window.worldmind.frameMs.toFixed(1)} ms`;
  requestAnimationFrame(loop);
}
requestAnimationFrame(loop);
