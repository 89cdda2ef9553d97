// The fitting room (shop only): upload a photo or drawing of a garment; the shop's classifier
// names its category, the explanation overlay shows which parts decided it, and similar products
// follow. "Try on" puts the upload or a product on the own avatar (everyone in the space sees
// it); "Take off" removes it. Text goes in as text (textContent), never as HTML.
import * as P from '../protocol.js';
import * as api from '../api.js';
import { formatPrice } from '../world/scene.js';
import { $, show } from './dom.js';
import { drawExplanation, colouredPixels } from './heatmap.js';

export function shopPanel({ send, onError }) {
  // What the panel shows, for tests: {status, category, probability, top, similar, upload, overlay}
  const shown = { status: 'idle', category: null, probability: null, top: [], similar: [], upload: null, explanation: null, overlay: 0, message: '' };

  const close = () => show('#shop-panel', false);
  $('#shop-panel .close').onclick = close;
  $('#shop-button').onclick = () => {
    const open = $('#shop-panel').hidden;
    show('#shop-panel', open);
  };
  const note = (text, bad = false) => {
    $('#shop-note').textContent = text;
    $('#shop-note').classList.toggle('bad', bad);
    shown.message = text;
  };
  const wear = (kind, id) => {
    if (!send(P.tryOn(kind, id))) onError('Not connected: try again in a moment.');
  };

  $('#shop-take-off').onclick = () => send(P.takeOff());
  $('#shop-try-upload').onclick = () => shown.upload && wear('upload', shown.upload);
  $('#shop-file').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    shown.status = 'recognising';
    note(`Looking at ${file.name}…`);
    show('#shop-result', false);
    try {
      const r = await api.recognize(file);
      await showResult(r);
      shown.status = 'done';
      note('');
    } catch (err) {
      shown.status = 'failed';
      note(err.message, true);
    } finally {
      e.target.value = '';
    }
  });

  async function showResult(r) {
    Object.assign(shown, {
      category: r.category,
      probability: r.probability,
      top: r.top.map((t) => ({ category: t.category, probability: t.probability })),
      similar: r.similar.map((s) => ({ id: s.id, name: s.name, category: s.category, similarity: s.similarity })),
      upload: r.upload?.id ?? null,
      explanation: r.explanation ? r.explanation.method : null,
    });
    $('#shop-category').textContent = `${r.category} · ${Math.round(r.probability * 100)} %`;
    $('#shop-top').textContent = r.top.map((t) => `${t.category} ${Math.round(t.probability * 100)} %`).join(' · ');
    $('#shop-why').textContent = r.explanation
      ? 'Red shows what made the classifier decide (Grad-CAM).'
      : `No explanation this time${r.explanationProblem ? ` (${r.explanationProblem})` : ''}.`;
    const list = $('#shop-similar');
    list.replaceChildren();
    for (const s of r.similar) {
      const li = document.createElement('li');
      li.className = 'shop-item';
      li.dataset.id = s.id;
      const img = document.createElement('img');
      img.src = s.picture;
      img.alt = s.name;
      const text = document.createElement('div');
      const name = document.createElement('div');
      name.className = 'name';
      name.textContent = s.name;
      const detail = document.createElement('div');
      detail.className = 'detail';
      detail.textContent = `${formatPrice(s.price)} · ${s.category} · ${Math.round(s.similarity * 100)} % alike`;
      text.append(name, detail);
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'try-on';
      b.textContent = 'Try on';
      b.onclick = () => wear('product', s.id);
      li.append(img, text, b);
      list.append(li);
    }
    show('#shop-result');
    const canvas = $('#shop-canvas');
    await drawExplanation(canvas, r.image, r.explanation);
    shown.overlay = r.explanation ? colouredPixels(canvas) : 0;
  }

  return {
    /** Shows the fitting-room button in shops only. */
    entered(space) {
      const inShop = space?.kind === 'shop';
      show('#shop-button', inShop);
      if (!inShop) close();
    },
    /** The shop assistant named the upload. */
    onSays(name, text) {
      $('#shop-says').textContent = `${name}: ${text}`;
    },
    shown,
  };
}
