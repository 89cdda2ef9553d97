// Procedural canvas textures: floors, paintings, boards and signs. Drawn once per key and cached;
// small sizes (256-512 px) keep software WebGL fast.
import * as THREE from 'three';
import { rng } from './rng.js';

const cache = new Map();

function canvasTexture(key, w, h, draw, { repeat = null, srgb = true } = {}) {
  const k = key + (repeat ? `@${repeat[0]}x${repeat[1]}` : '');
  if (cache.has(k)) return cache.get(k);
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  draw(c.getContext('2d'), w, h);
  const t = new THREE.CanvasTexture(c);
  if (srgb) t.colorSpace = THREE.SRGBColorSpace;
  if (repeat) {
    t.wrapS = t.wrapT = THREE.RepeatWrapping;
    t.repeat.set(repeat[0], repeat[1]);
  }
  t.anisotropy = 2;
  cache.set(k, t);
  return t;
}

const shade = (hex, k) => {
  const c = new THREE.Color(hex);
  c.offsetHSL(0, 0, k);
  return `#${c.getHexString()}`;
};

/** Floors, one texture tile per `size` metres. */
export function floorTexture(style, width, depth) {
  const size = { paving: 4, marble: 4, planks: 4, tiles: 3, vinyl: 6, grass: 8 }[style] || 4;
  return canvasTexture(`floor-${style}`, 256, 256, FLOORS[style] || FLOORS.paving, { repeat: [width / size, depth / size] });
}

const FLOORS = {
  paving(g, w, h) {
    const r = rng('paving');
    g.fillStyle = '#9a8f80';
    g.fillRect(0, 0, w, h);
    const rows = 8;
    for (let j = 0; j < rows; j++) {
      let x = j % 2 ? -16 : 0;
      while (x < w) {
        const len = 24 + Math.floor(r() * 3) * 8;
        const base = ['#d8cdb9', '#cfc3ad', '#e0d6c4', '#c9bca4', '#d3c7b0'][Math.floor(r() * 5)];
        g.fillStyle = base;
        g.fillRect(x + 1.5, j * (h / rows) + 1.5, len - 3, h / rows - 3);
        g.fillStyle = 'rgba(0,0,0,0.05)';
        g.fillRect(x + 1.5, j * (h / rows) + h / rows - 6, len - 3, 4);
        x += len;
      }
    }
    speckle(g, w, h, r, 900, 'rgba(60,50,40,0.08)');
  },
  marble(g, w, h) {
    const r = rng('marble');
    for (let j = 0; j < 2; j++) for (let i = 0; i < 2; i++) {
      g.fillStyle = (i + j) % 2 ? '#f1ece4' : '#4a5652';
      g.fillRect(i * w / 2, j * h / 2, w / 2, h / 2);
    }
    g.lineWidth = 1;
    for (let v = 0; v < 14; v++) {
      g.strokeStyle = `rgba(120,110,100,${0.1 + r() * 0.2})`;
      g.beginPath();
      let x = r() * w, y = r() * h;
      g.moveTo(x, y);
      for (let s = 0; s < 8; s++) {
        x += (r() - 0.3) * 40;
        y += (r() - 0.5) * 40;
        g.lineTo(x, y);
      }
      g.stroke();
    }
    g.strokeStyle = 'rgba(90,80,70,0.35)';
    g.strokeRect(0.5, 0.5, w / 2, h / 2);
    g.strokeRect(w / 2 + 0.5, h / 2 + 0.5, w / 2 - 1, h / 2 - 1);
  },
  planks(g, w, h) {
    const r = rng('planks');
    const n = 8;
    for (let i = 0; i < n; i++) {
      let y = -r() * 120;
      while (y < h) {
        const len = 90 + r() * 120;
        g.fillStyle = ['#b07a45', '#a56f3d', '#bb8550', '#9d6a3b', '#b6804a'][Math.floor(r() * 5)];
        g.fillRect(i * (w / n), y, w / n - 2, len - 2);
        g.strokeStyle = 'rgba(80,45,20,0.18)';
        for (let k = 0; k < 3; k++) {
          g.beginPath();
          const x0 = i * (w / n) + 4 + r() * (w / n - 8);
          g.moveTo(x0, y + 4);
          g.bezierCurveTo(x0 + 3, y + len / 3, x0 - 3, y + (2 * len) / 3, x0, y + len - 4);
          g.stroke();
        }
        y += len;
      }
    }
    g.fillStyle = 'rgba(60,30,10,0.5)';
    for (let i = 1; i <= n; i++) g.fillRect(i * (w / n) - 2, 0, 2, h);
  },
  tiles(g, w, h) {
    const n = 4;
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
      g.fillStyle = (i + j) % 2 ? '#fbf7ef' : '#f1e9dc';
      g.fillRect(i * w / n, j * h / n, w / n, h / n);
    }
    g.strokeStyle = '#d9cdbb';
    g.lineWidth = 2;
    for (let i = 0; i <= n; i++) {
      g.beginPath(); g.moveTo(i * w / n, 0); g.lineTo(i * w / n, h); g.stroke();
      g.beginPath(); g.moveTo(0, i * h / n); g.lineTo(w, i * h / n); g.stroke();
    }
  },
  vinyl(g, w, h) {
    const r = rng('vinyl');
    g.fillStyle = '#dfeceb';
    g.fillRect(0, 0, w, h);
    speckle(g, w, h, r, 1500, 'rgba(40,110,110,0.10)');
    g.strokeStyle = 'rgba(60,130,130,0.25)';
    g.lineWidth = 2;
    g.strokeRect(1, 1, w - 2, h - 2);
  },
  grass(g, w, h) {
    const r = rng('grass');
    g.fillStyle = '#6fa64a';
    g.fillRect(0, 0, w, h);
    for (let i = 0; i < 2500; i++) {
      g.fillStyle = r() < 0.5 ? 'rgba(40,90,30,0.25)' : 'rgba(160,200,90,0.25)';
      g.fillRect(r() * w, r() * h, 2, 3);
    }
  },
};

function speckle(g, w, h, r, n, color) {
  g.fillStyle = color;
  for (let i = 0; i < n; i++) g.fillRect(r() * w, r() * h, 1 + r() * 2, 1 + r() * 2);
}

/** A vertical sky gradient with soft clouds, used as the scene background. */
export function skyTexture(top, bottom, clouds) {
  return canvasTexture(`sky-${top}-${bottom}-${clouds}`, 64, 256, (g, w, h) => {
    const gr = g.createLinearGradient(0, 0, 0, h);
    gr.addColorStop(0, top);
    gr.addColorStop(1, bottom);
    g.fillStyle = gr;
    g.fillRect(0, 0, w, h);
  });
}

/** A soft round glow (white centre, transparent edge) for light pools and portal discs. */
export function glowTexture() {
  return canvasTexture('glow', 128, 128, (g, w, h) => {
    const gr = g.createRadialGradient(w / 2, h / 2, 0, w / 2, h / 2, w / 2);
    gr.addColorStop(0, 'rgba(255,255,255,1)');
    gr.addColorStop(0.4, 'rgba(255,255,255,0.5)');
    gr.addColorStop(1, 'rgba(255,255,255,0)');
    g.fillStyle = gr;
    g.fillRect(0, 0, w, h);
  });
}

/** A vertical fade (bright top, transparent bottom), for light shafts and wall washes. */
export function fadeTexture() {
  return canvasTexture('fade', 16, 128, (g, w, h) => {
    const gr = g.createLinearGradient(0, 0, 0, h);
    gr.addColorStop(0, 'rgba(255,255,255,0.9)');
    gr.addColorStop(1, 'rgba(255,255,255,0)');
    g.fillStyle = gr;
    g.fillRect(0, 0, w, h);
  });
}

/** A swirl for the inside of portals. */
export function swirlTexture() {
  return canvasTexture('swirl', 128, 128, (g, w, h) => {
    g.translate(w / 2, h / 2);
    for (let i = 0; i < 6; i++) {
      g.rotate(Math.PI / 3);
      const gr = g.createLinearGradient(0, 0, w / 2, 0);
      gr.addColorStop(0, 'rgba(255,255,255,0.9)');
      gr.addColorStop(1, 'rgba(255,255,255,0)');
      g.strokeStyle = gr;
      g.lineWidth = 6;
      g.beginPath();
      g.arc(w / 6, 0, w / 3, Math.PI, Math.PI * 1.9);
      g.stroke();
    }
  });
}

/** Painted canvases for the museum, chosen by style name. */
export function paintingTexture(style) {
  return canvasTexture(`paint-${style}`, 256, 192, PAINTINGS[style] || PAINTINGS.abstract);
}
export const PAINTING_STYLES = ['wave', 'starry', 'lilies', 'harbour', 'abstract', 'landscape', 'portrait'];

const PAINTINGS = {
  starry(g, w, h) {
    const r = rng('starry');
    const gr = g.createLinearGradient(0, 0, 0, h);
    gr.addColorStop(0, '#1b2f6b'); gr.addColorStop(0.7, '#3460a8'); gr.addColorStop(1, '#27406e');
    g.fillStyle = gr; g.fillRect(0, 0, w, h);
    g.lineWidth = 3;
    for (let i = 0; i < 40; i++) {
      g.strokeStyle = ['#8fb4e6', '#c9dcf5', '#5d86c9', '#e8e29a'][i % 4];
      g.beginPath();
      g.arc(60 + r() * 160, 40 + r() * 60, 10 + r() * 30, r() * 6, r() * 6 + 2);
      g.stroke();
    }
    for (const [x, y, s] of [[40, 30, 10], [110, 25, 8], [190, 40, 9], [225, 22, 14], [150, 60, 7]]) {
      const sg = g.createRadialGradient(x, y, 0, x, y, s * 2);
      sg.addColorStop(0, '#fff7b0'); sg.addColorStop(0.5, '#f1d450'); sg.addColorStop(1, 'rgba(240,210,80,0)');
      g.fillStyle = sg; g.beginPath(); g.arc(x, y, s * 2, 0, 7); g.fill();
    }
    g.fillStyle = '#1d2a3a';
    g.beginPath(); g.moveTo(0, 150); g.lineTo(60, 140); g.lineTo(130, 152); g.lineTo(256, 138); g.lineTo(256, 192); g.lineTo(0, 192); g.fill();
    for (let i = 0; i < 12; i++) { g.fillStyle = '#e8d36a'; g.fillRect(70 + i * 14, 160 + (i % 3) * 6, 4, 4); }
    g.fillStyle = '#1a2418';
    g.beginPath(); g.moveTo(30, 192); g.bezierCurveTo(20, 120, 50, 60, 42, 20); g.bezierCurveTo(62, 70, 70, 140, 70, 192); g.fill();
  },
  wave(g, w, h) {
    g.fillStyle = '#efe3c6'; g.fillRect(0, 0, w, h);
    g.fillStyle = '#c9b79a'; g.beginPath(); g.moveTo(150, 150); g.lineTo(180, 118); g.lineTo(210, 150); g.fill();
    g.fillStyle = '#f7f3ea'; g.beginPath(); g.moveTo(172, 126); g.lineTo(180, 118); g.lineTo(188, 126); g.fill();
    g.fillStyle = '#1e3f6e';
    g.beginPath(); g.moveTo(0, 192); g.lineTo(0, 120); g.bezierCurveTo(30, 40, 110, 10, 140, 50);
    g.bezierCurveTo(120, 40, 100, 60, 115, 80); g.bezierCurveTo(90, 90, 80, 130, 100, 192); g.fill();
    g.strokeStyle = '#f5f1e6'; g.lineWidth = 4;
    for (let i = 0; i < 9; i++) { g.beginPath(); g.arc(40 + i * 11, 40 + Math.sin(i) * 8, 6, Math.PI, 0); g.stroke(); }
    g.fillStyle = '#4a76a8';
    g.beginPath(); g.moveTo(90, 192); g.bezierCurveTo(130, 140, 200, 150, 256, 160); g.lineTo(256, 192); g.fill();
    g.fillStyle = '#e2cfa3'; g.fillRect(120, 160, 60, 6);
  },
  lilies(g, w, h) {
    const r = rng('lilies');
    g.fillStyle = '#3c6d6a'; g.fillRect(0, 0, w, h);
    for (let i = 0; i < 400; i++) {
      g.fillStyle = ['#5f8f86', '#2f5a60', '#7aa0a8', '#9cb9c9', '#4b7a5e'][Math.floor(r() * 5)];
      g.fillRect(r() * w, r() * h, 10 + r() * 14, 2 + r() * 3);
    }
    for (let i = 0; i < 14; i++) {
      const x = r() * w, y = r() * h;
      g.fillStyle = '#6e9b4e'; g.beginPath(); g.ellipse(x, y, 16, 7, 0, 0, 7); g.fill();
      g.fillStyle = ['#f2b8c6', '#f7e9ee', '#e58fa7'][i % 3]; g.beginPath(); g.arc(x + 4, y - 2, 4, 0, 7); g.fill();
    }
  },
  harbour(g, w, h) {
    const gr = g.createLinearGradient(0, 0, 0, h);
    gr.addColorStop(0, '#2a3d6b'); gr.addColorStop(0.55, '#7b8fbf'); gr.addColorStop(0.56, '#3d5683'); gr.addColorStop(1, '#1f2f52');
    g.fillStyle = gr; g.fillRect(0, 0, w, h);
    g.fillStyle = '#1a2440';
    for (let i = 0; i < 8; i++) g.fillRect(i * 32 + 4, 80 - (i % 3) * 10, 26, 30 + (i % 3) * 10);
    g.fillStyle = '#ffd98a';
    for (let i = 0; i < 8; i++) g.fillRect(i * 32 + 12, 90, 4, 5);
    g.fillStyle = '#c0392b'; g.beginPath(); g.moveTo(100, 140); g.lineTo(150, 140); g.lineTo(140, 152); g.lineTo(108, 152); g.fill();
    g.strokeStyle = '#ddd'; g.lineWidth = 2; g.beginPath(); g.moveTo(125, 140); g.lineTo(125, 105); g.stroke();
  },
  abstract(g, w, h) {
    g.fillStyle = '#f4efe4'; g.fillRect(0, 0, w, h);
    g.fillStyle = '#d7263d'; g.fillRect(20, 20, 100, 90);
    g.fillStyle = '#1b4965'; g.fillRect(140, 110, 90, 60);
    g.fillStyle = '#f4d35e'; g.fillRect(150, 20, 50, 60);
    g.fillStyle = '#111'; for (const x of [130, 138]) g.fillRect(x, 0, 4, h);
    g.fillRect(0, 120, w, 4);
  },
  landscape(g, w, h) {
    const gr = g.createLinearGradient(0, 0, 0, h);
    gr.addColorStop(0, '#f6c28b'); gr.addColorStop(0.5, '#f3e2b8'); gr.addColorStop(0.51, '#7c9c5a'); gr.addColorStop(1, '#4e6b34');
    g.fillStyle = gr; g.fillRect(0, 0, w, h);
    g.fillStyle = '#8a9bb0'; g.beginPath(); g.moveTo(0, 100); g.lineTo(70, 50); g.lineTo(130, 96); g.lineTo(190, 60); g.lineTo(256, 100); g.fill();
    g.fillStyle = '#fff3c4'; g.beginPath(); g.arc(200, 40, 16, 0, 7); g.fill();
    g.fillStyle = '#2f4a25';
    for (let i = 0; i < 6; i++) { g.beginPath(); g.arc(20 + i * 45, 130, 14, 0, 7); g.fill(); }
  },
  portrait(g, w, h) {
    g.fillStyle = '#3b2f2a'; g.fillRect(0, 0, w, h);
    g.fillStyle = '#5a4a3c'; g.beginPath(); g.ellipse(128, 200, 80, 70, 0, 0, 7); g.fill();
    g.fillStyle = '#e0b892'; g.beginPath(); g.ellipse(128, 90, 34, 44, 0, 0, 7); g.fill();
    g.fillStyle = '#2a1d16'; g.beginPath(); g.ellipse(128, 62, 38, 26, 0, Math.PI, 0); g.fill();
    g.fillStyle = '#2a1d16'; g.fillRect(112, 86, 8, 4); g.fillRect(136, 86, 8, 4);
    g.strokeStyle = '#a0553f'; g.lineWidth = 2; g.beginPath(); g.arc(128, 108, 10, 0.2, Math.PI - 0.2); g.stroke();
  },
};

/** A blackboard with chalk writing. */
export function blackboardTexture() {
  return canvasTexture('blackboard', 512, 192, (g, w, h) => {
    g.fillStyle = '#23402f'; g.fillRect(0, 0, w, h);
    const r = rng('chalk');
    for (let i = 0; i < 300; i++) { g.fillStyle = 'rgba(255,255,255,0.04)'; g.fillRect(r() * w, r() * h, 20 + r() * 40, 3); }
    g.fillStyle = 'rgba(245,245,235,0.92)';
    g.font = 'bold 34px Comic Sans MS, cursive, sans-serif';
    g.fillText('Welcome to class!', 30, 50);
    g.font = '26px Comic Sans MS, cursive, sans-serif';
    g.fillText('E = mc²    a² + b² = c²', 30, 100);
    g.fillText('Today: the Solar System ☀', 30, 145);
    g.strokeStyle = 'rgba(245,245,235,0.8)'; g.lineWidth = 3;
    g.beginPath(); g.arc(420, 95, 36, 0, 7); g.stroke();
    g.beginPath(); g.ellipse(420, 95, 62, 14, -0.3, 0, 7); g.stroke();
  });
}

/** A sign with text on a coloured panel. */
export function signTexture(text, bg, fg, w = 512, h = 128) {
  return canvasTexture(`sign-${text}-${bg}-${fg}`, w, h, (g) => {
    g.fillStyle = bg; g.fillRect(0, 0, w, h);
    g.strokeStyle = shade(bg, 0.25); g.lineWidth = 8; g.strokeRect(4, 4, w - 8, h - 8);
    g.fillStyle = fg;
    g.textAlign = 'center'; g.textBaseline = 'middle';
    let size = Math.floor(h * 0.55);
    do { g.font = `bold ${size}px Georgia, serif`; size -= 2; } while (g.measureText(text).width > w * 0.88 && size > 10);
    g.fillText(text, w / 2, h / 2 + 2);
  });
}
