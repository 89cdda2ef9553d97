// Routes each server message to the handlers registered for its type (see protocol/worldmind-ws.json
// for the types). A feature registers its own messages where it lives: `router.on('emote', fn)`.
export class Router {
  #handlers = new Map();

  /** Adds a handler for a message type; several may listen to one type, in order. */
  on(type, fn) {
    if (!this.#handlers.has(type)) this.#handlers.set(type, []);
    this.#handlers.get(type).push(fn);
    return this;
  }

  /** Hands a parsed message to its handlers; a message nobody handles is ignored. */
  dispatch(m) {
    for (const fn of this.#handlers.get(m.type) ?? []) fn(m);
  }
}
