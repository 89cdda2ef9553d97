// Generated works: in the shop the "new designs" display (and a row in the fitting room to try
// them on), in the museum the gallery. Fetched on entering such a space and hung on its wall;
// "More designs" draws the next batch. Text goes in as text (textContent), never as HTML.
import * as P from '../protocol.js';
import * as api from '../api.js';
import { designWall, DESIGN_WALLS } from '../world/designs.js';
import { $, show } from './dom.js';

export function designsPanel({ world, send, onError }) {
  // For tests: {space, batch, status, designs: [{id, category, wearable}], onWall, message}
  const shown = { space: null, batch: 0, status: 'idle', designs: [], onWall: 0, message: '' };
  let wall = null;
  let current = null; // the space the designs are for

  const removeWall = () => {
    if (wall) wall.removeFromParent();
    wall = null;
    shown.onWall = 0;
  };

  async function load(space, batch) {
    const kind = space?.kind;
    current = space?.id ?? null;
    removeWall();
    Object.assign(shown, { space: current, batch, designs: [], message: '' });
    show('#shop-designs-box', false);
    if (!DESIGN_WALLS[kind]) {
      shown.status = 'idle';
      return;
    }
    shown.status = 'loading';
    let r;
    try {
      r = await api.designs(kind, batch);
    } catch (e) {
      shown.status = 'unavailable';
      shown.message = e.message;
      return;
    }
    if (current !== space.id) return; // moved on meanwhile
    shown.designs = r.designs.map((d) => ({ id: d.id, category: d.category, wearable: !!d.wearable }));
    const built = designWall(kind, r.designs);
    wall = built.group;
    world.spaceGroup?.add(wall);
    shown.onWall = await built.ready;
    shown.status = 'shown';
    if (kind === 'shop') fillShopRow(r.designs);
  }

  function fillShopRow(designs) {
    const list = $('#shop-designs');
    list.replaceChildren();
    for (const d of designs) {
      const li = document.createElement('li');
      li.className = 'design';
      li.dataset.id = d.id;
      const img = document.createElement('img');
      img.src = d.png;
      img.alt = d.title;
      const label = document.createElement('div');
      label.className = 'detail';
      label.textContent = d.category || d.title;
      li.append(img, label);
      if (d.wearable) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'try-on';
        b.textContent = 'Try on';
        b.onclick = () => {
          if (!send(P.tryOn('design', d.id))) onError('Not connected: try again in a moment.');
        };
        li.append(b);
      }
      list.append(li);
    }
    show('#shop-designs-box');
  }

  $('#shop-more-designs').onclick = () => {
    if (world.space) load(world.space, shown.batch + 1);
  };

  return {
    /** Hangs the works of the space just entered (shop and museum have a display). */
    entered(space) {
      load(space, 0);
    },
    shown,
  };
}
