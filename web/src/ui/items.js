// The item panel: an exhibit's, product's or leaflet's name, text and price, with Like and Buy.
// Opening it logs a view; the buttons send like/purchase. `send` is the socket's send.
import * as P from '../protocol.js';
import { formatPrice } from '../world/scene.js';
import { $, show } from './dom.js';

export function itemPanel(send) {
  let opened = null;
  const close = () => {
    opened = null;
    show('#item-panel', false);
  };
  $('#item-panel .close').onclick = close;
  $('#item-like').onclick = () => opened && send(P.act('like', opened.id));
  $('#item-buy').onclick = () => opened && send(P.act('purchase', opened.id));
  return {
    open(it) {
      opened = it;
      $('#item-name').textContent = it.name;
      $('#item-description').textContent = it.description;
      $('#item-price').textContent = it.price != null ? formatPrice(it.price) : '';
      show('#item-buy', it.price != null);
      $('#item-note').textContent = '';
      show('#item-panel');
      send(P.act('view', it.id));
    },
    close,
  };
}
