// Walkability and movement, exactly as the protocol defines them: a point is walkable when it lies
// inside the bounds at least RADIUS from the edge and outside every obstacle grown by RADIUS.
// Pure functions, shared by the client, the tests and scripts/check-world.mjs.

/** The avatar radius in metres (protocol v1). */
export const RADIUS = 0.3;
/** Walking speed in metres per second. */
export const SPEED = 4;

/** True when (x, z) is walkable in the layout. */
export function walkable(layout, x, z, r = RADIUS) {
  if (!Number.isFinite(x) || !Number.isFinite(z)) return false;
  if (x < r || z < r || x > layout.width - r || z > layout.depth - r) return false;
  for (const o of layout.obstacles || []) {
    if (Math.abs(x - o.x) < o.w / 2 + r && Math.abs(z - o.z) < o.d / 2 + r) return false;
  }
  return true;
}

/**
 * Moves from (x, z) by (dx, dz), sliding along obstacles: the full step is tried first, then its x
 * part alone, then its z part alone. Returns the new position and whether it moved at all.
 */
export function slide(layout, x, z, dx, dz) {
  if (walkable(layout, x + dx, z + dz)) return { x: x + dx, z: z + dz, moved: dx !== 0 || dz !== 0 };
  if (dx !== 0 && walkable(layout, x + dx, z)) return { x: x + dx, z, moved: true };
  if (dz !== 0 && walkable(layout, x, z + dz)) return { x, z: z + dz, moved: true };
  return { x, z, moved: false };
}

/**
 * One frame of click-to-move: walks at most `speed * dt` toward the target, sliding along
 * obstacles. `done` is true when the target is reached or the avatar is stuck.
 */
export function stepToward(layout, pos, target, dt, speed = SPEED) {
  const ex = target.x - pos.x;
  const ez = target.z - pos.z;
  const dist = Math.hypot(ex, ez);
  const max = speed * dt;
  if (dist < 1e-3) return { x: pos.x, z: pos.z, ry: pos.ry, done: true };
  const k = Math.min(1, max / dist);
  const ry = Math.atan2(ex, ez);
  const next = slide(layout, pos.x, pos.z, ex * k, ez * k);
  const progressed = Math.hypot(next.x - pos.x, next.z - pos.z);
  const arrived = k === 1 && next.x === pos.x + ex && next.z === pos.z + ez;
  // Sliding that barely advances means a wall is in the way: stop instead of jittering.
  const stuck = !next.moved || progressed < max * 0.05;
  return { x: next.x, z: next.z, ry, done: arrived || stuck };
}

/**
 * The heading and step for keyboard input. `input` has booleans forward/back/left/right and
 * `yaw` is the camera's heading, so "forward" walks away from the camera.
 */
export function keyStep(input, yaw, dt, speed = SPEED) {
  let f = (input.forward ? 1 : 0) - (input.back ? 1 : 0);
  let s = (input.right ? 1 : 0) - (input.left ? 1 : 0);
  if (f === 0 && s === 0) return null;
  const len = Math.hypot(f, s);
  f /= len;
  s /= len;
  // Camera looks along -z when yaw = 0, so forward is (-sin yaw, -cos yaw); right is its
  // clockwise perpendicular seen from above.
  const fx = -Math.sin(yaw), fz = -Math.cos(yaw);
  const rx = Math.cos(yaw), rz = -Math.sin(yaw);
  const dx = (fx * f + rx * s) * speed * dt;
  const dz = (fz * f + rz * s) * speed * dt;
  return { dx, dz, ry: Math.atan2(dx, dz) };
}

/** The nearest walkable point to (x, z) on a small spiral, or null (used for click targets). */
export function nearestWalkable(layout, x, z, maxRadius = 2) {
  if (walkable(layout, x, z)) return { x, z };
  for (let r = 0.25; r <= maxRadius; r += 0.25) {
    for (let a = 0; a < 16; a++) {
      const px = x + Math.cos((a / 16) * Math.PI * 2) * r;
      const pz = z + Math.sin((a / 16) * Math.PI * 2) * r;
      if (walkable(layout, px, pz)) return { x: px, z: pz };
    }
  }
  return null;
}

/** The portal whose circle contains (x, z), or null. */
export function portalAt(layout, x, z) {
  for (const p of layout.portals || []) {
    if (Math.hypot(x - p.x, z - p.z) <= p.radius) return p;
  }
  return null;
}
