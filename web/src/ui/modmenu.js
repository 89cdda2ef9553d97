// The moderation menu: clicking someone's name tag offers Kick / Mute 5 min / Ban. The server decides
// who may; the client only asks. `selfId()` keeps the menu off one's own tag.
import * as P from '../protocol.js';
import { systemLine } from './chat.js';
import { $, show } from './dom.js';

export function installModMenu(send, selfId) {
  let target = null;
  const close = () => {
    target = null;
    show('#mod-menu', false);
  };
  document.addEventListener('click', (e) => {
    const tag = e.target.closest?.('.nametag');
    if (!tag) {
      if (!e.target.closest?.('#mod-menu')) close();
      return;
    }
    const id = Number(tag.dataset.accountId);
    if (!Number.isInteger(id) || id === selfId()) return;
    target = { id, name: tag.textContent };
    const menu = $('#mod-menu');
    menu.querySelector('.who').textContent = target.name;
    menu.style.left = `${Math.min(e.clientX, innerWidth - 160)}px`;
    menu.style.top = `${Math.min(e.clientY + 8, innerHeight - 140)}px`;
    show(menu);
  });
  for (const b of document.querySelectorAll('#mod-menu button')) {
    b.onclick = () => {
      if (!target) return;
      const action = b.dataset.action;
      send(P.moderate(action, target.id, action === 'mute' ? { seconds: 300 } : {}));
      systemLine(`Asked the server to ${action} ${target.name}.`);
      close();
    };
  }
  return { close };
}
