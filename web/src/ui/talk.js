// The talk panel: a conversation with one AI character. The reply streams in token by token (into
// the panel, the character's speech bubble and, when done, the chat panel); a `talk_restart` wipes
// what streamed so far (the LLM failed and the built-in responder answers instead).
// Text always goes in as text (textContent), never as HTML.
import * as P from '../protocol.js';
import * as api from '../api.js';
import { $, show } from './dom.js';
import { moodLabel } from '../world/moods.js';

export function talkPanel({ send, world, onLine, onAction, onError }) {
  let current = null; // {id, name}
  const streams = new Map(); // turn -> {el, text, character}

  const close = () => {
    current = null;
    show('#talk-panel', false);
  };
  $('#talk-panel .close').onclick = close;

  const line = (cls, who, text) => {
    const el = document.createElement('div');
    el.className = `talk-line ${cls}`;
    const w = document.createElement('span');
    w.className = 'from';
    w.textContent = who;
    const t = document.createElement('span');
    t.className = 'text';
    t.textContent = text;
    el.append(w, document.createTextNode(': '), t);
    const log = $('#talk-log');
    log.append(el);
    while (log.children.length > 100) log.firstElementChild.remove();
    log.scrollTop = log.scrollHeight;
    return t;
  };

  $('#talk-input').addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') return e.target.blur();
    if (e.key !== 'Enter' || !current) return;
    e.preventDefault();
    const m = P.talk(current.id, e.target.value);
    if (!m) return;
    if (!send(m)) return onError('Not connected: the message was not sent.');
    line('me', 'You', e.target.value.trim());
    e.target.value = '';
  });

  $('#talk-forget').onclick = async () => {
    if (!current) return;
    try {
      const r = await api.forgetCharacter(current.id);
      $('#talk-log').replaceChildren();
      $('#talk-note').textContent = `${current.name} forgot ${r.deleted} messages of your conversation.`;
    } catch (e) {
      $('#talk-note').textContent = e.message;
    }
  };

  // Only the museum guide gives tours; the button asks for one (the guide answers with `tour` events).
  $('#talk-tour').onclick = () => {
    if (!current) return;
    if (!send(P.tour(current.id))) return onError('Not connected: the request was not sent.');
    $('#talk-note').textContent = `${current.name} is getting ready to show you around…`;
  };

  return {
    open(c) {
      if (current?.id !== c.id) $('#talk-log').replaceChildren();
      current = c;
      $('#talk-name').textContent = `${c.name} · ${c.role}`;
      $('#talk-mood').textContent = moodLabel(c.expression);
      $('#talk-note').textContent = '';
      show('#talk-tour', c.role === 'museum guide');
      show('#talk-panel');
      $('#talk-input').focus();
    },
    close,
    get current() {
      return current?.id ?? null;
    },
    /** A character's face changed: the panel shows it too when it is the one talked to. */
    onExpression(m) {
      if (current?.id === m.character) $('#talk-mood').textContent = moodLabel(m.expression);
    },
    /** A tour event of the character in the panel: its text goes into the conversation. */
    onTour(m, name) {
      if (current?.id === m.character) line('them', name, m.text);
    },
    onStart(m, name) {
      const el = current?.id === m.character ? line('them', name, '') : null;
      streams.set(m.turn, { el, text: '', character: m.character });
    },
    onToken(m) {
      const s = streams.get(m.turn);
      if (!s) return;
      s.text += m.text;
      if (s.el) s.el.textContent = s.text;
      world.say(m.character, s.text);
    },
    onRestart(m) {
      const s = streams.get(m.turn);
      if (!s) return;
      s.text = '';
      if (s.el) s.el.textContent = '…';
      world.say(m.character, '…');
    },
    onEnd(m, name) {
      const s = streams.get(m.turn) ?? { el: null };
      streams.delete(m.turn);
      if (s.el) s.el.textContent = m.text;
      else if (current?.id === m.character) line('them', name, m.text);
      world.say(m.character, m.text);
      setTimeout(() => world.say(m.character, ''), 15000);
      if (m.expression) {
        world.setExpression(m.character, m.expression);
        if (current?.id === m.character) $('#talk-mood').textContent = moodLabel(m.expression);
      }
      onLine(name, m.text);
      if (m.sources?.length && current?.id === m.character) $('#talk-note').textContent = `From: ${m.sources.join(', ')}`;
      if (m.action) onAction(m.action);
    },
  };
}
