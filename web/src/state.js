// The client's state store: what this page knows about the world it is in (filled by the server's
// messages, read by the game loop, the panels and the tests), and the read-only view tests use.

/** The one state of the page. */
export const S = {
  account: null,
  avatar: null,
  connected: false,
  space: null, // the joined Space (with layout), or null
  instance: null,
  wanted: 'plaza', // the space to (re)join after connecting
  self: null, // {id, name, appearance, x, z, ry}
  others: new Map(), // id -> {id, name, appearance, x, z, ry, track}
  chat: [],
  ready: false,
  joinedAt: 0,
  target: null, // click-to-move target
  inPortal: null,
  travelling: false,
  removed: false, // logged out: no reconnect
  removedAt: -Infinity, // when we were last kicked or banned
  summaries: [],
  characters: new Map(), // AI characters in this space: id -> {id, name, role, x, z, expression}
  approaching: null, // the character we are walking up to, to talk when close
  tokens: new Map(), // turn -> talk_token messages received
  replies: [], // finished character replies, for tests: {character, text, sources, provider, fellBack}
  tours: [], // tour events seen, for tests: {character, visitor, state, item, index, of, navigator}
  outfits: new Map(), // avatar id -> outfit {source, id?, name, category, picture} worn in this space
};

/**
 * Exposes a read-only view for the browser tests (window.worldmind): positions, chat, characters,
 * replies, tours and what the panels show.
 */
export function exposeForTests(world, { forYou, shop, designs }) {
  window.worldmind = {
    state: () => ({
      connected: S.connected,
      space: S.space?.id ?? null,
      instance: S.instance,
      self: S.self ? { id: S.self.id, name: S.self.name, x: S.self.x, z: S.self.z } : null,
      others: [...S.others.values()].map((o) => ({ id: o.id, name: o.name, x: o.x, z: o.z })),
    }),
    chat: () => S.chat.map((c) => ({ from: c.from, text: c.text })),
    characters: () => [...S.characters.values()].map((c) => ({ id: c.id, name: c.name, role: c.role, x: c.x, z: c.z, expression: c.expression })),
    replies: () => S.replies.slice(),
    tours: () => S.tours.slice(),
    forYou: () => JSON.parse(JSON.stringify(forYou.shown)),
    shop: () => JSON.parse(JSON.stringify(shop.shown)),
    designs: () => JSON.parse(JSON.stringify(designs.shown)),
    // Outfits as drawn on the avatars: id -> {name, category, source, drawn}
    outfits: () => {
      const all = {};
      const add = (id, mesh) => {
        const o = mesh?.userData.outfit;
        if (o) all[id] = { name: o.name, category: o.category, source: o.source, drawn: !!o.drawn && !!mesh.userData.outfitMesh };
      };
      if (S.self) add(S.self.id, world.self);
      for (const o of S.others.values()) add(o.id, o.mesh);
      return all;
    },
    screenOf: (id) => world.screenOf(id),
    get ready() {
      return S.ready;
    },
  };
}
