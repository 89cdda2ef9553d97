// Keyboard and mouse: WASD/arrows set the walking input, Q/E and mouse drag orbit the camera, the
// wheel zooms, and a click without a drag is reported to onClick. Keys typed into inputs (chat,
// forms) never move the avatar.
const KEYS = {
  KeyW: 'forward', ArrowUp: 'forward', KeyS: 'back', ArrowDown: 'back',
  KeyA: 'left', ArrowLeft: 'left', KeyD: 'right', ArrowRight: 'right',
  KeyQ: 'orbitLeft', KeyE: 'orbitRight',
};

const typing = (e) => {
  const t = e.target;
  return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
};

export class Controls {
  constructor(canvas, world, { onClick, onEnter }) {
    this.input = { forward: false, back: false, left: false, right: false, orbitLeft: false, orbitRight: false };
    this.world = world;
    addEventListener('keydown', (e) => {
      if (typing(e)) return;
      if (e.code === 'Enter') {
        onEnter?.();
        e.preventDefault();
        return;
      }
      const k = KEYS[e.code];
      if (k) {
        this.input[k] = true;
        e.preventDefault();
      }
    });
    addEventListener('keyup', (e) => {
      const k = KEYS[e.code];
      if (k) this.input[k] = false;
    });
    addEventListener('blur', () => this.release());
    let down = null;
    canvas.addEventListener('pointerdown', (e) => {
      down = { x: e.clientX, y: e.clientY, lx: e.clientX, ly: e.clientY, drag: false, id: e.pointerId };
      canvas.focus();
    });
    addEventListener('pointermove', (e) => {
      if (!down || e.pointerId !== down.id) return;
      if (!down.drag && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 5) {
        down.drag = true;
        canvas.setPointerCapture?.(e.pointerId);
      }
      if (down.drag) {
        const c = world.cam;
        c.yaw -= (e.clientX - down.lx) * 0.008;
        c.pitch = Math.min(1.35, Math.max(0.15, c.pitch + (e.clientY - down.ly) * 0.005));
      }
      down.lx = e.clientX;
      down.ly = e.clientY;
    });
    addEventListener('pointerup', (e) => {
      if (!down || e.pointerId !== down.id) return;
      const click = !down.drag && e.target === canvas;
      down = null;
      if (click) onClick(e.clientX, e.clientY);
    });
    canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      world.cam.dist = Math.min(24, Math.max(4, world.cam.dist * (e.deltaY > 0 ? 1.1 : 0.9)));
    }, { passive: false });
  }

  release() {
    for (const k of Object.keys(this.input)) this.input[k] = false;
  }

  /** Applies Q/E orbiting for this frame. */
  orbit(dt) {
    const o = (this.input.orbitRight ? 1 : 0) - (this.input.orbitLeft ? 1 : 0);
    this.world.cam.yaw += o * dt * 2;
  }
}
