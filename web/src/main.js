// The world page: login, avatar, the WebSocket session and the game loop. Rendering lives in
// world/, the wire format in protocol.js, movement rules in walk.js.
import * as api from './api.js';
import * as P from './protocol.js';
import { Connection } from './net.js';
import { Router } from './router.js';
import { S, exposeForTests } from './state.js';
import { refreshSpaces as loadSpaces, updateTopbar, setStatus, showBanner, hideBanner } from './ui/topbar.js';
import { walkSelf, onClick, installChatBox } from './input.js';
import { World } from './world/scene.js';
import { Controls } from './controls.js';
import { Track } from './interp.js';
import { nearestWalkable, portalAt } from './walk.js';
import { askLogin } from './ui/auth.js';
import { editAvatar } from './ui/editor.js';
import { chatLine, systemLine, clearChat } from './ui/chat.js';
import { $, show } from './ui/dom.js';
import { itemPanel } from './ui/items.js';
import { installModMenu } from './ui/modmenu.js';
import { talkPanel } from './ui/talk.js';
import { forYouPanel } from './ui/foryou.js';
import { shopPanel } from './ui/shop.js';
import { designsPanel } from './ui/designs.js';
import { applyOutfit } from './world/outfit.js';
import { installEmotes } from './world/emotes.js';
import { normalizeAppearance } from './world/avatar.js';

const world = new World($('#world-canvas'), $('#stage'));
const router = new Router();
const refreshSpaces = () => loadSpaces(S, travel);
const conn = new Connection({ onOpen, onMessage: (m) => router.dispatch(m), onClose, onBadFrame: (e) => systemLine(`Ignored a bad message from the server: ${e.message}`) });
let throttle = new P.MoveThrottle(100);
const controls = new Controls($('#world-canvas'), world, {
  onClick: (cx, cy) => onClick(S, world, cx, cy, { items, approach, modMenu }),
  onEnter: () => $('#chat-input').focus(),
});

addEventListener('resize', () => world.resize());
boot();

async function boot() {
  let session;
  try {
    session = await api.session();
  } catch (e) {
    if (e.status !== 401) showBanner(e.message);
    session = await askLogin();
  }
  S.account = session.account;
  show('#admin-link', S.account.role === 'admin');
  show('#studio-link', S.account.role === 'admin' || S.account.role === 'creator');
  try {
    S.avatar = await api.getAvatar();
  } catch (e) {
    if (e.status !== 404) showBanner(e.message);
    S.avatar = await editAvatar(null);
  }
  show('#topbar');
  show('#chat');
  show('#help');
  refreshSpaces();
  setInterval(refreshSpaces, 10000);
  setStatus('connecting…', false, conn.latency);
  conn.connect();
  requestAnimationFrame(loop);
}

// ---- WebSocket ----

function onOpen() {
  S.connected = true;
  setStatus('connected', false, conn.latency);
}

function onClose({ code, wasOpen, retryIn }) {
  S.connected = false;
  S.ready = false;
  if (S.removed || performance.now() - S.removedAt < 10000) {
    conn.close();
    setStatus('disconnected', true);
    return;
  }
  if (code === 4000) {
    setStatus('opened in another tab', true);
    systemLine('You entered the world from another tab or window; this one is now disconnected.');
    return;
  }
  if (code === 4401) {
    // The session ended (logged out elsewhere, password changed, expired): back to the login card.
    location.reload();
    return;
  }
  setStatus(retryIn != null ? `reconnecting in ${Math.round(retryIn / 1000)} s…` : 'disconnected', true);
  if (!wasOpen) {
    // A refused upgrade: maybe the session ended. Back to the login card if so.
    api.session().catch((e) => {
      if (e.status === 401) {
        conn.close();
        location.reload();
      }
    });
  }
  if (code === 1008) systemLine('The server closed the connection (too many messages).');
}

// Every server message, by type (protocol/worldmind-ws.json); features register their own too.
router
  .on('welcome', () => conn.send(P.join(S.wanted)))
  .on('joined', onJoined)
  .on('left', onLeft)
  .on('delta', onDelta)
  .on('correction', onCorrection)
  .on('chat', onChat)
  .on('acted', (m) => {
    if (m.action !== 'view') $('#item-note').textContent = m.action === 'like' ? 'Thanks for the like!' : 'Purchased. Enjoy!';
  })
  .on('moderated', onModerated)
  .on('talk_start', (m) => talk.onStart(m, characterName(m.character)))
  .on('talk_token', (m) => {
    S.tokens.set(m.turn, (S.tokens.get(m.turn) ?? 0) + 1);
    talk.onToken(m);
  })
  .on('talk_restart', (m) => talk.onRestart(m))
  .on('talk_end', onTalkEnd)
  .on('expression', (m) => {
    if (S.characters.has(m.character)) S.characters.get(m.character).expression = m.expression;
    world.setExpression(m.character, m.expression);
    talk.onExpression(m);
  })
  .on('character_move', onCharacterMove)
  .on('tour', onTour)
  .on('shelf', (m) => forYou.onShelf(m))
  .on('suggestions', (m) => forYou.onSuggestions(m))
  .on('next_lesson', (m) => forYou.onNextLesson(m))
  .on('outfit', onOutfit)
  .on('says', (m) => {
    const name = characterName(m.character);
    world.say(m.character, m.text);
    chatLine(name, m.text);
    shop.onSays(name, m.text);
  })
  .on('withheld', (m) => systemLine(`Your message was withheld for review (${m.reasons.join(', ')}). ${m.message || ''}`.trim(), 'moderated'))
  .on('error', (m) => {
    S.travelling = false;
    systemLine(`${m.code}: ${m.message || 'refused'}`);
  });

function onLeft(m) {
  S.space = null;
  S.outfits.clear();
  shop.entered(null);
  S.ready = false;
  world.clearOthers();
  S.others.clear();
  clearCharacters();
  updateTopbar(S);
  if (!S.travelling && performance.now() - S.removedAt > 2000) showBanner(`You are no longer in ${m.space ?? 'the space'}. Pick a space above to continue.`);
}

function onCorrection(m) {
  if (!S.self) return;
  S.self.x = m.x;
  S.self.z = m.z;
  S.target = null;
  world.self?.position.set(m.x, 0, m.z);
}

function onChat(m) {
  const from = m.from?.name ?? String(m.from?.id ?? '?');
  S.chat.push({ from, text: m.text, at: m.at });
  if (S.chat.length > 500) S.chat.shift();
  chatLine(from, m.text);
}

function onTalkEnd(m) {
  S.replies.push({ character: m.character, text: m.text, sources: m.sources || [], provider: m.provider, fellBack: !!m.fellBack, tokens: S.tokens.get(m.turn) ?? 0 });
  S.tokens.delete(m.turn);
  if (S.characters.has(m.character) && m.expression) S.characters.get(m.character).expression = m.expression;
  talk.onEnd(m, characterName(m.character));
}

function onCharacterMove(m) {
  const c = S.characters.get(m.character);
  if (!c) return;
  Object.assign(c, { x: m.x, z: m.z, ry: m.ry ?? c.ry });
  c.track.push(c.x, c.z, c.ry, performance.now());
}

function onJoined(m) {
  S.travelling = false;
  S.space = m.space;
  S.wanted = m.space.id;
  S.instance = m.instance;
  const p = m.self;
  S.self = { id: p.id, name: p.name, appearance: p.appearance, x: p.x, z: p.z, ry: p.ry || 0 };
  world.clearOthers();
  S.others.clear();
  clearCharacters();
  world.load(m.space);
  world.setSelf(S.self);
  S.outfits.clear();
  if (p.outfit) wear(p.id, p.outfit);
  for (const o of m.others || []) addOther(o);
  for (const c of m.characters || []) {
    S.characters.set(c.id, { ...c, ry: c.ry || 0, track: new Track(c.x, c.z, c.ry || 0, performance.now()) });
    world.addCharacter(c);
  }
  S.target = null;
  S.inPortal = portalAt(m.space.layout, p.x, p.z)?.id ?? null;
  throttle = new P.MoveThrottle(100);
  items.close();
  forYou.clear();
  shop.entered(m.space);
  designs.entered(m.space);
  hideBanner();
  S.ready = false;
  S.joinedAt = performance.now();
  updateTopbar(S);
  systemLine(`You are in ${m.space.name}${m.instance > 1 ? ` (instance ${m.instance})` : ''}.`);
  refreshSpaces();
}

/** Clicking a character walks up to it; the talk panel opens once close enough to talk. */
const TALK_REACH = 3;
function approach(c) {
  if (!S.self) return;
  if (Math.hypot(S.self.x - c.x, S.self.z - c.z) <= TALK_REACH) return talk.open(c);
  const d = Math.hypot(S.self.x - c.x, S.self.z - c.z);
  const t = nearestWalkable(S.space.layout, c.x + ((S.self.x - c.x) / d) * 1.5, c.z + ((S.self.z - c.z) / d) * 1.5, 2);
  if (!t) return talk.open(c);
  S.target = t;
  S.approaching = c.id;
}

/** A tour event: the guide says it (speech bubble); the visitor's own tour also goes to the chat. */
function onTour(m) {
  S.tours.push({ character: m.character, visitor: m.visitor, state: m.state, item: m.stop.item, index: m.stop.index, of: m.stop.of, navigator: m.navigator });
  if (S.tours.length > 200) S.tours.shift();
  const name = characterName(m.character);
  if (m.text) world.say(m.character, m.text);
  if (S.self && m.visitor === S.self.id) {
    if (m.text) chatLine(name, m.text);
    talk.onTour(m, name);
    if (m.state === 'finished') setTimeout(() => world.say(m.character, ''), 8000);
  }
}

function clearCharacters() {
  S.approaching = null;
  S.characters.clear();
  world.clearCharacters();
  talk.close();
}

function characterName(id) {
  return S.characters.get(id)?.name ?? id;
}

/** A character asked the world to do something: travel to a space of a kind. */
function onAction(a) {
  if (a.kind !== 'travel') return;
  const target = S.summaries.find((s) => s.kind === a.target);
  if (!target || target.id === S.space?.id) return;
  systemLine(`Taking you to ${target.name}…`);
  travel(target.id);
}

function addOther(p) {
  const now = performance.now();
  const o = { id: p.id, name: p.name, appearance: p.appearance, x: p.x, z: p.z, ry: p.ry || 0, track: new Track(p.x, p.z, p.ry || 0, now) };
  S.others.set(p.id, o);
  o.mesh = world.addOther(p);
  if (p.outfit) wear(p.id, p.outfit);
  else S.outfits.delete(p.id);
}

/** Someone put something on or took it off. */
function onOutfit(m) {
  if (m.outfit) wear(m.id, m.outfit);
  else wear(m.id, null);
}

/** Draws an outfit (or none) on an avatar of this space and remembers it. */
function wear(id, outfit) {
  if (outfit) S.outfits.set(id, outfit);
  else S.outfits.delete(id);
  const self = S.self && id === S.self.id;
  const who = self ? S.self : S.others.get(id);
  const mesh = self ? world.self : who?.mesh;
  if (!mesh) return;
  applyOutfit(mesh, outfit, normalizeAppearance(who.appearance).shape).catch((e) => systemLine(e.message));
}

function onDelta(m) {
  const now = performance.now();
  for (const id of m.exited) {
    S.others.delete(id);
    S.outfits.delete(id);
    world.removeOther(id);
  }
  for (const p of m.entered) {
    if (S.self && p.id === S.self.id) continue;
    addOther(p);
  }
  for (const mv of m.moved) {
    const o = S.others.get(mv.id);
    if (!o) continue;
    o.x = mv.x;
    o.z = mv.z;
    o.ry = mv.ry ?? o.ry;
    o.track.push(mv.x, mv.z, o.ry, now);
  }
  updateTopbar(S);
}

function onModerated(m) {
  const by = typeof m.by === 'object' && m.by ? m.by.name ?? m.by.id : m.by;
  const until = m.until ? ` until ${new Date(m.until).toLocaleString()}` : '';
  const verb = { kick: 'kicked out of this space', mute: 'muted', ban: 'banned from this space' }[m.action] || m.action;
  const text = `You were ${verb}${by ? ` by ${by}` : ''}${until}${m.reason ? `: ${m.reason}` : ''}.`;
  systemLine(text, 'moderated');
  showBanner(text);
  if (m.action === 'kick' || m.action === 'ban') {
    // Never rejoin the space we were removed from, and if the server also closes the socket, do
    // not reconnect at all.
    S.wanted = 'plaza';
    S.removedAt = performance.now();
  }
}

// ---- game loop ----

let last = performance.now();
// `?fps=N` caps the frame rate: software-rendered WebGL (headless test browsers, old laptops) would
// otherwise spend every cycle drawing and starve the page's network and input handling.
const MAX_FPS = Number(new URLSearchParams(location.search).get('fps')) || 0;

function loop(now) {
  if (MAX_FPS > 0 && now - last < 1000 / MAX_FPS) {
    requestAnimationFrame(loop);
    return;
  }
  const dt = Math.min(0.5, (now - last) / 1000);
  last = now;
  controls.orbit(dt);
  let moving = false;
  if (S.space && S.self && world.self) {
    const L = S.space.layout;
    const me = S.self;
    moving = walkSelf(S, controls.input, world.cam.yaw, dt);
    world.self.position.set(me.x, 0, me.z);
    world.self.rotation.y = me.ry;
    conn.send(throttle.update(now, me.x, me.z, me.ry, moving));
    const portal = portalAt(L, me.x, me.z);
    if (portal && S.inPortal !== portal.id && !S.travelling) {
      S.travelling = true;
      S.target = null;
      systemLine(`Travelling to ${portal.label}…`);
      conn.send(P.join(portal.target, portal.id));
    }
    S.inPortal = portal?.id ?? null;
    const near = S.approaching && S.characters.get(S.approaching);
    if (near && Math.hypot(me.x - near.x, me.z - near.z) <= TALK_REACH) {
      S.approaching = null;
      S.target = null;
      talk.open(near);
    } else if (near && !S.target) S.approaching = null; // stopped short (a key was pressed)
    for (const c of S.characters.values()) {
      const p = c.track.sample(now);
      world.placeCharacter(c.id, p.x, p.z, p.ry, c.track.moving(now));
    }
    for (const o of S.others.values()) {
      const p = o.track.sample(now);
      o.mesh.position.set(p.x, 0, p.z);
      o.mesh.rotation.y = p.ry;
      o.walking = o.track.moving(now);
    }
  }
  world.update(dt, moving);
  for (const o of S.others.values()) animateOther(o, world.clock);
  animateEmotes(world.clock);
  world.render();
  if (S.space && !S.ready && S.joinedAt) S.ready = true; // the first frame after join is drawn
  requestAnimationFrame(loop);
}

function animateOther(o, t) {
  const legs = o.mesh.userData.parts?.legs;
  if (!legs) return;
  const s = o.walking ? Math.sin(t * 12) : 0;
  legs.forEach((l, i) => (l.rotation.x = (i ? s : -s) * 0.5));
}

installChatBox({ controls, send: (text) => conn.send(text), onNotSent: () => systemLine('Not connected: the message was not sent.') });

// ---- item panel and moderation menu ----

const items = itemPanel((text) => conn.send(text));
const talk = talkPanel({
  send: (text) => conn.send(text),
  world,
  onLine: (from, text) => chatLine(from, text),
  onAction,
  onError: (text) => systemLine(text),
});
const forYou = forYouPanel({ world, onShow: showItem, onTravel: travel });
const shop = shopPanel({ send: (text) => conn.send(text), onError: (text) => systemLine(text) });
const designs = designsPanel({ world, send: (text) => conn.send(text), onError: (text) => systemLine(text) });
const animateEmotes = installEmotes({
  router,
  send: (text) => conn.send(text),
  avatarOf: (id) => (S.self?.id === id ? world.self : S.others.get(id)?.mesh ?? null),
  nameOf: (id) => (S.self?.id === id ? S.self.name : S.others.get(id)?.name ?? 'Someone'),
});
exposeForTests(world, { forYou, shop, designs });
const modMenu = installModMenu((text) => conn.send(text), () => S.self?.id);

// ---- travel ----

/** Walks up to an item of this space and shows it (a "for you" suggestion was clicked). */
function showItem(id) {
  const it = S.space?.layout.items.find((i) => i.id === id);
  if (!it) return;
  const t = nearestWalkable(S.space.layout, it.x, it.z, 2);
  if (t) S.target = t;
  items.open(it);
}

function travel(id) {
  if (S.space?.id === id) return;
  S.wanted = id;
  S.travelling = true;
  conn.send(P.join(id));
}

setInterval(() => S.connected && setStatus('connected', false, conn.latency), 5000);

$('#logout-button').onclick = async () => {
  S.removed = true;
  conn.close();
  try {
    await api.logout();
  } catch (e) {
    showBanner(e.message);
  }
  location.reload();
};

$('#avatar-button').onclick = async () => {
  controls.release();
  const saved = await editAvatar(S.avatar);
  if (saved) {
    S.avatar = saved;
    // Rejoin so everyone sees the new look.
    if (S.space) conn.send(P.join(S.space.id));
  }
};
