#!/usr/bin/env node
// Validates the default world (worldmind-app/.../world/default-world.json) against protocol v1:
// the Space shape, unique ids, portals to existing spaces, and that every spawn, portal and item
// stands on walkable ground that can be reached on foot from the first spawn.
// Usage: node scripts/check-world.mjs [file]   (exit code 1 and a list of problems when invalid)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { walkable } from '../src/walk.js';

const DEFAULT = fileURLToPath(new URL('../../worldmind-app/src/main/resources/dev/worldmind/app/world/default-world.json', import.meta.url));
const KINDS = ['plaza', 'museum', 'classroom', 'shop', 'clinic'];
const GRID = 0.25;

export function checkWorld(spaces) {
  const problems = [];
  const bad = (where, what) => problems.push(`${where}: ${what}`);
  if (!Array.isArray(spaces) || spaces.length === 0) return ['the world must be a non-empty array of spaces'];
  const ids = new Set(spaces.map((s) => s.id));
  if (ids.size !== spaces.length) bad('world', 'space ids are not unique');
  const itemIds = new Set();
  for (const s of spaces) {
    const at = `space ${s.id}`;
    const keys = Object.keys(s).sort().join(',');
    if (keys !== 'capacity,id,kind,layout,name,visibility') bad(at, `unexpected fields ${keys}`);
    if (!/^[a-z0-9_-]{1,40}$/.test(s.id ?? '')) bad(at, 'bad id');
    if (!KINDS.includes(s.kind)) bad(at, `unknown kind ${s.kind}`);
    if (!['public', 'members', 'private'].includes(s.visibility)) bad(at, `bad visibility ${s.visibility}`);
    if (!Number.isInteger(s.capacity) || s.capacity < 1) bad(at, 'capacity must be a positive integer');
    const L = s.layout;
    if (!L || !(L.width > 0) || !(L.depth > 0)) { bad(at, 'layout needs width and depth'); continue; }
    for (const k of ['spawns', 'obstacles', 'portals', 'items']) if (!Array.isArray(L[k])) bad(at, `layout.${k} must be an array`);
    if (problems.length) continue;
    if (L.spawns.length === 0) bad(at, 'no spawn points');
    for (const [i, ob] of L.obstacles.entries()) {
      if (typeof ob.kind !== 'string' || ![ob.x, ob.z, ob.w, ob.d, ob.h].every((v) => typeof v === 'number' && v >= 0)) bad(at, `obstacle ${i} is malformed`);
      else if (ob.x - ob.w / 2 < 0 || ob.x + ob.w / 2 > L.width || ob.z - ob.d / 2 < 0 || ob.z + ob.d / 2 > L.depth) bad(at, `obstacle ${i} (${ob.kind}) sticks out of the bounds`);
    }
    const reach = reachable(L);
    const check = (what, x, z) => {
      if (!walkable(L, x, z)) bad(at, `${what} at (${x}, ${z}) is not walkable`);
      else if (!reach(x, z)) bad(at, `${what} at (${x}, ${z}) cannot be reached from the first spawn`);
    };
    L.spawns.forEach((p, i) => check(`spawn ${i}`, p.x, p.z));
    const portalIds = new Set();
    for (const p of L.portals) {
      if (portalIds.has(p.id)) bad(at, `portal id ${p.id} is not unique`);
      portalIds.add(p.id);
      if (!ids.has(p.target)) bad(at, `portal ${p.id} leads to unknown space ${p.target}`);
      if (p.target === s.id) bad(at, `portal ${p.id} leads to its own space`);
      if (!(p.radius > 0) || !p.label) bad(at, `portal ${p.id} needs a radius and a label`);
      check(`portal ${p.id}`, p.x, p.z);
      for (const sp of L.spawns) if (Math.hypot(sp.x - p.x, sp.z - p.z) <= p.radius) bad(at, `spawn inside portal ${p.id}`);
    }
    for (const it of L.items) {
      if (itemIds.has(it.id)) bad(at, `item id ${it.id} is not unique in the world`);
      itemIds.add(it.id);
      if (!it.name || !it.description) bad(at, `item ${it.id} needs a name and a description`);
      if (!(it.price === null || (typeof it.price === 'number' && it.price >= 0))) bad(at, `item ${it.id} has a bad price`);
      check(`item ${it.id}`, it.x, it.z);
    }
  }
  const plaza = spaces.find((s) => s.id === 'plaza');
  if (!plaza) bad('world', 'there is no plaza');
  else {
    for (const s of spaces) {
      if (s.id === 'plaza') continue;
      if (!plaza.layout.portals?.some((p) => p.target === s.id)) bad('space plaza', `no portal to ${s.id}`);
      if (!s.layout.portals?.some((p) => p.target === 'plaza')) bad(`space ${s.id}`, 'no portal back to the plaza');
    }
  }
  return problems;
}

/** Flood-fills the walkable grid from the first spawn; returns a test for a point's cell. */
function reachable(L) {
  const nx = Math.ceil(L.width / GRID), nz = Math.ceil(L.depth / GRID);
  const seen = new Uint8Array(nx * nz);
  const cell = (x, z) => [Math.min(nx - 1, Math.floor(x / GRID)), Math.min(nz - 1, Math.floor(z / GRID))];
  const centre = (i, j) => [(i + 0.5) * GRID, (j + 0.5) * GRID];
  const s = L.spawns[0];
  if (!s || !walkable(L, s.x, s.z)) return () => false;
  const [si, sj] = cell(s.x, s.z);
  const stack = [[si, sj]];
  seen[sj * nx + si] = 1;
  while (stack.length) {
    const [i, j] = stack.pop();
    for (const [a, b] of [[i + 1, j], [i - 1, j], [i, j + 1], [i, j - 1]]) {
      if (a < 0 || b < 0 || a >= nx || b >= nz || seen[b * nx + a]) continue;
      const [x, z] = centre(a, b);
      if (!walkable(L, x, z)) continue;
      seen[b * nx + a] = 1;
      stack.push([a, b]);
    }
  }
  return (x, z) => {
    const [i, j] = cell(x, z);
    // The point itself is walkable; accept it when any neighbouring cell centre was reached.
    for (let a = i - 1; a <= i + 1; a++) for (let b = j - 1; b <= j + 1; b++) {
      if (a >= 0 && b >= 0 && a < nx && b < nz && seen[b * nx + a]) return true;
    }
    return false;
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] || DEFAULT;
  const spaces = JSON.parse(readFileSync(file, 'utf8'));
  const problems = checkWorld(spaces);
  if (problems.length) {
    console.error(`${file}: ${problems.length} problem(s)\n  ` + problems.join('\n  '));
    process.exit(1);
  }
  const n = (k) => spaces.reduce((a, s) => a + s.layout[k].length, 0);
  console.log(`default world OK: ${spaces.length} spaces, ${n('obstacles')} obstacles, ${n('portals')} portals, ${n('items')} items`);
}
