// Input: keys and clicks move the own avatar (by walk.js's rules), clicks pick characters and
// items, and the chat box sends chat.
import * as P from './protocol.js';
import { slide, stepToward, keyStep, nearestWalkable } from './walk.js';
import { $ } from './ui/dom.js';

/**
 * Walks the own avatar for one frame: keys first, else towards the click target. Returns whether it
 * moved.
 */
export function walkSelf(S, input, yaw, dt) {
  const L = S.space.layout;
  const me = S.self;
  let moving = false;
  // Slow frames (software WebGL) still walk at 4 m/s: the frame is cut into short steps so
  // collisions stay exact.
  for (let left = dt; left > 1e-6; left -= 0.05) {
    const h = Math.min(0.05, left);
    const k = keyStep(input, yaw, h);
    if (k) {
      S.target = null;
      const r = slide(L, me.x, me.z, k.dx, k.dz);
      moving ||= r.moved;
      me.x = r.x;
      me.z = r.z;
      me.ry = k.ry;
    } else if (S.target) {
      const r = stepToward(L, me, S.target, h);
      moving ||= r.x !== me.x || r.z !== me.z;
      Object.assign(me, { x: r.x, z: r.z, ry: r.ry });
      if (r.done) S.target = null;
    } else break;
  }
  return moving;
}

/** A click on the world: talk to a character, look at an item, or walk to the floor there. */
export function onClick(S, world, cx, cy, { items, approach, modMenu }) {
  modMenu.close();
  if (!S.space) return;
  const character = world.pickCharacter(cx, cy);
  if (character && S.characters.has(character)) return approach(S.characters.get(character));
  const item = world.pickItem(cx, cy);
  if (item) return items.open(item);
  const p = world.pickFloor(cx, cy);
  if (!p) return;
  const t = nearestWalkable(S.space.layout, p.x, p.z, 1.5);
  if (t) S.target = t;
}

/** The chat box: Enter sends (and clears on success), Escape leaves it. */
export function installChatBox({ controls, send, onNotSent }) {
  $('#chat-input').addEventListener('focus', () => controls.release());
  $('#chat-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const msg = P.chat(e.target.value);
      if (msg) {
        if (!send(msg)) onNotSent();
        else e.target.value = '';
      }
    } else if (e.key === 'Escape') {
      e.target.blur();
    }
    e.stopPropagation();
  });
}
