// The chat panel. Text always goes in as text (textContent), never as HTML.
import { $ } from './dom.js';

const MAX_LINES = 200;

export function chatLine(from, text) {
  const line = document.createElement('div');
  line.className = 'chat-line';
  const who = document.createElement('span');
  who.className = 'from';
  who.textContent = from;
  line.append(who, document.createTextNode(': ' + text));
  append(line);
}

export function systemLine(text, extra = '') {
  const line = document.createElement('div');
  line.className = `chat-line system${extra ? ' ' + extra : ''}`;
  line.textContent = text;
  append(line);
}

function append(line) {
  const log = $('#chat-log');
  const stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  log.append(line);
  while (log.children.length > MAX_LINES) log.firstElementChild.remove();
  if (stick) log.scrollTop = log.scrollHeight;
}

export function clearChat() {
  $('#chat-log').replaceChildren();
}
