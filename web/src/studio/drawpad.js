// The drawing pad of "Try a model": white round strokes on black with the mouse, a finger or a
// pen (pointer events), or a picture loaded into it. pixels() gives the MNIST-style 28×28 input.
import { toGray, preprocessDigit } from './digit.js';

const STROKE = 18;

export class DrawPad {
  constructor(canvas) {
    this.canvas = canvas;
    this.g = canvas.getContext('2d', { willReadFrequently: true });
    this.last = null;
    this.clear();
    canvas.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      canvas.setPointerCapture?.(e.pointerId);
      this.last = this.at(e);
      this.stroke(this.last, this.last);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.last) return;
      const p = this.at(e);
      this.stroke(this.last, p);
      this.last = p;
    });
    const end = () => (this.last = null);
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('lostpointercapture', end);
  }

  /** A pointer's position in canvas pixels (the canvas may be shown scaled). */
  at(e) {
    const r = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * this.canvas.width) / r.width, y: ((e.clientY - r.top) * this.canvas.height) / r.height };
  }

  stroke(a, b) {
    const g = this.g;
    g.strokeStyle = '#fff';
    g.fillStyle = '#fff';
    g.lineWidth = STROKE;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.beginPath();
    g.moveTo(a.x, a.y);
    g.lineTo(b.x, b.y);
    g.stroke();
    if (a === b) {
      g.beginPath();
      g.arc(a.x, a.y, STROKE / 2, 0, Math.PI * 2);
      g.fill();
    }
  }

  clear() {
    this.g.fillStyle = '#000';
    this.g.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /**
   * Puts a picture on the pad, fitted and centred: grey, on paper (transparent = white), and
   * inverted when it is mostly light, so dark ink on paper becomes light strokes on black.
   */
  async loadPicture(file) {
    const bitmap = await createImageBitmap(file);
    const { width: W, height: H } = this.canvas;
    const scale = Math.min(W / bitmap.width, H / bitmap.height);
    const w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
    const tmp = document.createElement('canvas');
    tmp.width = w;
    tmp.height = h;
    const t = tmp.getContext('2d', { willReadFrequently: true });
    t.fillStyle = '#fff';
    t.fillRect(0, 0, w, h);
    t.drawImage(bitmap, 0, 0, w, h);
    bitmap.close?.();
    const img = t.getImageData(0, 0, w, h);
    const gray = toGray(img.data, w, h, 'auto');
    for (let i = 0; i < gray.length; i++) {
      const v = Math.round(gray[i] * 255);
      img.data.set([v, v, v, 255], i * 4);
    }
    this.clear();
    this.g.putImageData(img, Math.floor((W - w) / 2), Math.floor((H - h) / 2));
  }

  /** The 784-value model input, or null when nothing is drawn. */
  pixels() {
    const { width, height } = this.canvas;
    const data = this.g.getImageData(0, 0, width, height).data;
    return preprocessDigit(toGray(data, width, height, false), width, height);
  }
}

/** Draws 28×28 values in [0, 1] enlarged, without smoothing, into a canvas; returns that canvas. */
export function drawInput(canvas, pixels) {
  const small = document.createElement('canvas');
  small.width = small.height = 28;
  const img = new ImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = Math.round(pixels[i] * 255);
    img.data.set([v, v, v, 255], i * 4);
  }
  small.getContext('2d').putImageData(img, 0, 0);
  const g = canvas.getContext('2d');
  g.imageSmoothingEnabled = false;
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.drawImage(small, 0, 0, canvas.width, canvas.height);
  return canvas;
}
