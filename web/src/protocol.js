// WebSocket protocol v1 (docs/protocol.md): building client messages and checking server ones.
// Every builder validates its input the way the server will, so a bad call fails here, loudly.

export const VERSION = 1;
export const CHAT_MAX = 500;
export const ACTIONS = ['view', 'like', 'purchase'];
export const MODERATIONS = ['kick', 'mute', 'ban'];

const msg = (type, fields) => JSON.stringify({ v: VERSION, type, ...fields });
const num = (v, what) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${what} must be a finite number`);
  return v;
};
const round = (v) => Math.round(v * 1000) / 1000;

export function join(space, via) {
  if (typeof space !== 'string' || !space) throw new TypeError('join needs a space id');
  return msg('join', via ? { space, via } : { space });
}

export function leave() {
  return msg('leave', {});
}

export function move(x, z, ry, seq) {
  if (!Number.isInteger(seq) || seq < 1) throw new TypeError('seq must be a positive integer');
  return msg('move', { x: round(num(x, 'x')), z: round(num(z, 'z')), ry: round(num(ry, 'ry')), seq });
}

/** A chat message, or null when the text is empty after trimming. Long texts are cut to 500. */
export function chat(text) {
  const t = String(text ?? '').trim();
  if (!t) return null;
  return msg('chat', { text: [...t].slice(0, CHAT_MAX).join('') });
}

export function act(action, item) {
  if (!ACTIONS.includes(action)) throw new TypeError(`unknown action ${action}`);
  if (typeof item !== 'string' || !item) throw new TypeError('act needs an item id');
  return msg('act', { action, item });
}

export function moderate(action, target, { seconds, reason } = {}) {
  if (!MODERATIONS.includes(action)) throw new TypeError(`unknown moderation ${action}`);
  if (!Number.isInteger(target)) throw new TypeError('target must be an account id');
  const m = { action, target };
  if (seconds != null) m.seconds = num(seconds, 'seconds');
  if (reason) m.reason = String(reason);
  return msg('moderate', m);
}

/** A message to an AI character, or null when the text is empty after trimming. Cut to 500. */
export function talk(character, text) {
  if (typeof character !== 'string' || !character) throw new TypeError('talk needs a character id');
  const t = String(text ?? '').trim();
  if (!t) return null;
  return msg('talk', { character, text: [...t].slice(0, CHAT_MAX).join('') });
}

/** Asks a character (the museum guide) for a guided tour. */
export function tour(character) {
  if (typeof character !== 'string' || !character) throw new TypeError('tour needs a character id');
  return msg('tour', { character });
}

export const GARMENT_KINDS = ['product', 'upload', 'design'];

/** Puts a garment on the own avatar: a product id, a recognised upload's token or a design id. */
export function tryOn(kind, id) {
  if (!GARMENT_KINDS.includes(kind)) throw new TypeError(`unknown garment kind ${kind}`);
  if (typeof id !== 'string' || !id || id.length > 128) throw new TypeError('try_on needs a garment id of 1-128 characters');
  return msg('try_on', { garment: { kind, id } });
}

export function takeOff() {
  return msg('take_off', {});
}

export function ping(t) {
  return msg('ping', { t: num(t, 't') });
}

const REQUIRED = {
  welcome: ['you'],
  joined: ['space', 'instance', 'self', 'others'],
  left: [],
  delta: [],
  correction: ['x', 'z'],
  chat: ['from', 'text'],
  acted: ['action', 'item'],
  moderated: ['action'],
  pong: ['t'],
  error: ['code'],
  talk_start: ['character', 'turn'],
  talk_token: ['character', 'turn', 'text'],
  talk_restart: ['character', 'turn'],
  talk_end: ['character', 'turn', 'text'],
  expression: ['character', 'expression'],
  character_move: ['character', 'x', 'z'],
  tour: ['character', 'state', 'stop'],
  withheld: ['ref', 'reasons'],
  shelf: ['status', 'space', 'items'],
  suggestions: ['status', 'spaces', 'people'],
  next_lesson: ['status', 'lesson'],
  outfit: ['id', 'outfit'],
  says: ['character', 'text'],
};

/**
 * Parses one server frame. Returns the message object, or throws an Error that says what is wrong
 * (not JSON, wrong version, unknown type, missing field).
 */
export function parse(text) {
  let m;
  try {
    m = JSON.parse(text);
  } catch {
    throw new Error('server sent a frame that is not JSON');
  }
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw new Error('server sent a non-object frame');
  if (m.v !== VERSION) throw new Error(`unsupported protocol version ${m.v} (this client speaks ${VERSION})`);
  const req = REQUIRED[m.type];
  if (!req) throw new Error(`unknown message type ${m.type}`);
  for (const f of req) if (!(f in m)) throw new Error(`${m.type} message without ${f}`);
  if (m.type === 'delta') {
    m.moved = m.moved || [];
    m.entered = m.entered || [];
    m.exited = m.exited || [];
  }
  return m;
}

/** Reconnect delay in ms for the n-th attempt (0-based): exponential, capped, with jitter. */
export function backoff(attempt, random = Math.random) {
  const base = Math.min(30000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Limits outgoing moves: at most one per `interval` ms while moving, one more when stopping. */
export class MoveThrottle {
  constructor(interval = 100) {
    this.interval = interval;
    this.last = -Infinity;
    this.seq = 0;
    this.pending = false;
  }

  /**
   * Called every frame with the current pose; returns the move message to send now or null.
   * `moving` is whether the avatar moved this frame.
   */
  update(now, x, z, ry, moving) {
    if (moving) {
      this.pending = true;
      if (now - this.last >= this.interval) return this.#send(now, x, z, ry);
      return null;
    }
    // The stop message: sent once, as soon as the interval allows, so the final pose is never lost.
    if (this.pending && now - this.last >= this.interval) {
      this.pending = false;
      return this.#send(now, x, z, ry);
    }
    return null;
  }

  #send(now, x, z, ry) {
    this.last = now;
    return move(x, z, ry, ++this.seq);
  }
}
