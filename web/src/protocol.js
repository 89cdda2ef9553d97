// The WebSocket protocol (docs/protocol.md): building client messages and checking server ones, both
// by protocol/worldmind-ws.json, the one definition the server reads too. Every builder checks its
// input the way the server will, so a bad call fails here, loudly, naming the field.
import schema from '../../protocol/worldmind-ws.json';

export const VERSION = schema.version;
const CLIENT = schema.clientToServer;
const SERVER = schema.serverToClient;
const fieldsOf = (type) => CLIENT[type].fields.properties;
export const CHAT_MAX = fieldsOf('chat').text.maxLength;
export const ACTIONS = fieldsOf('act').action.enum;
export const MODERATIONS = fieldsOf('moderate').action.enum;

const length = (s) => [...s.trim()].length;

function check(type, name, spec, value) {
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') throw new TypeError(`${type} needs a text ${name}`);
      const n = length(value);
      if (n < (spec.minLength ?? 0) || n > (spec.maxLength ?? Infinity)) {
        throw new TypeError(`${name} must have ${spec.minLength ?? 0}-${spec.maxLength} characters`);
      }
      if (spec.enum && !spec.enum.includes(value)) throw new TypeError(`${name} must be one of ${spec.enum.join(', ')}`);
      return spec.strip ? value.trim() : value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${name} must be a finite number`);
      return value;
    case 'integer':
      if (!Number.isInteger(value)) throw new TypeError(`${name} must be a whole number`);
      if (value < (spec.minimum ?? -Infinity) || value > (spec.maximum ?? Infinity)) {
        throw new TypeError(`${name} must be ${spec.minimum}-${spec.maximum}`);
      }
      return value;
    case 'object':
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${type} needs an object ${name}`);
      return checkFields(type, spec, value);
    default:
      throw new TypeError(`${type}.${name} has an unknown type in the protocol`);
  }
}

function checkFields(type, spec, fields) {
  const out = {};
  for (const [name, f] of Object.entries(spec.properties ?? {})) {
    const v = fields[name];
    if (v == null) {
      if (spec.required?.includes(name)) throw new TypeError(`${type} needs ${name}`);
      continue;
    }
    out[name] = check(type, name, f, v);
  }
  return out;
}

/**
 * Any client message of the protocol, checked against its definition: throws a TypeError naming the
 * field that is missing or wrong.
 */
export function message(type, fields = {}) {
  const spec = CLIENT[type];
  if (!spec) throw new TypeError(`unknown message type ${type}`);
  return JSON.stringify({ v: VERSION, type, ...checkFields(type, spec.fields, fields) });
}

const round = (v) => Math.round(v * 1000) / 1000;
/** Trims and cuts a text to what a chat or talk message may hold; null when nothing is left. */
const said = (text) => {
  const t = String(text ?? '').trim();
  return t ? [...t].slice(0, CHAT_MAX).join('') : null;
};

export const join = (space, via) => message('join', { space, via: via || undefined });
export const leave = () => message('leave');

export function move(x, z, ry, seq) {
  if (!Number.isInteger(seq) || seq < 1) throw new TypeError('seq must be a positive integer');
  const r = (v) => (Number.isFinite(v) ? round(v) : v);
  return message('move', { x: r(x), z: r(z), ry: r(ry), seq });
}

/** A chat message, or null when the text is empty after trimming. Long texts are cut to 500. */
export function chat(text) {
  const t = said(text);
  return t && message('chat', { text: t });
}

export const act = (action, item) => message('act', { action, item });
export const moderate = (action, target, { seconds, reason } = {}) => message('moderate', { action, target, seconds, reason: reason || undefined });

/** A message to an AI character, or null when the text is empty after trimming. Cut to 500. */
export function talk(character, text) {
  if (typeof character !== 'string' || !character) throw new TypeError('talk needs a character id');
  const t = said(text);
  return t && message('talk', { character, text: t });
}

/** Asks a character (the museum guide) for a guided tour. */
export const tour = (character) => message('tour', { character });

/** Puts a garment on the own avatar: a product id, a recognised upload's token or a design id. */
export const tryOn = (kind, id) => message('try_on', { garment: { kind, id } });
export const takeOff = () => message('take_off');
export const ping = (t) => message('ping', { t });

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
  const spec = SERVER[m.type];
  if (!spec) throw new Error(`unknown message type ${m.type}`);
  for (const f of spec.fields.required ?? []) if (!(f in m)) throw new Error(`${m.type} message without ${f}`);
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
