// Smooth motion for other avatars: positions from `delta` messages are buffered with their arrival
// time and drawn ~100 ms in the past, interpolating between the two samples around that moment.
// Pure and clock-free (times are passed in), so it is unit-tested without a browser.

/** How far in the past others are drawn, in milliseconds. */
export const DELAY_MS = 100;
const KEEP = 20;

/** Shortest signed difference b - a between two angles, in (-PI, PI]. */
export function angleDelta(a, b) {
  let d = (b - a) % (Math.PI * 2);
  if (d > Math.PI) d -= Math.PI * 2;
  if (d <= -Math.PI) d += Math.PI * 2;
  return d;
}

export class Track {
  constructor(x, z, ry, t) {
    this.samples = [{ t, x, z, ry }];
  }

  /** Records a position received at time t (ms). */
  push(x, z, ry, t) {
    const last = this.samples[this.samples.length - 1];
    if (t < last.t) t = last.t;
    this.samples.push({ t, x, z, ry });
    if (this.samples.length > KEEP) this.samples.splice(0, this.samples.length - KEEP);
  }

  /** Jumps to a position without interpolation (e.g. on re-entering the area of interest). */
  reset(x, z, ry, t) {
    this.samples = [{ t, x, z, ry }];
  }

  /** The position to draw at time `now` (ms). */
  sample(now, delay = DELAY_MS) {
    const t = now - delay;
    const s = this.samples;
    if (t <= s[0].t) return { x: s[0].x, z: s[0].z, ry: s[0].ry };
    for (let i = s.length - 1; i > 0; i--) {
      const a = s[i - 1], b = s[i];
      if (t >= a.t && t <= b.t) {
        const k = b.t === a.t ? 1 : (t - a.t) / (b.t - a.t);
        return { x: a.x + (b.x - a.x) * k, z: a.z + (b.z - a.z) * k, ry: a.ry + angleDelta(a.ry, b.ry) * k };
      }
    }
    const l = s[s.length - 1];
    return { x: l.x, z: l.z, ry: l.ry };
  }

  /** True while the drawn position is still catching up (used for the walk animation). */
  moving(now, delay = DELAY_MS) {
    const l = this.samples[this.samples.length - 1];
    if (this.samples.length < 2) return false;
    const p = this.samples[this.samples.length - 2];
    return now - delay < l.t && (l.x !== p.x || l.z !== p.z);
  }
}
