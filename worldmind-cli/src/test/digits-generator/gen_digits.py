#!/usr/bin/env python3
"""Generate hand-drawn-looking digit test fixtures (PNG) for worldmind-cli tests.

Each digit is described as a few pen strokes, each stroke a handful of control
points in a unit box (y = 0 at the top, y = 1 at the bottom, x roughly 0..0.65),
the way a person would draw it. The control points get seeded jitter, the
strokes are interpolated with centripetal Catmull-Rom splines, a low-frequency
wobble is added, and the whole digit is slanted, rotated, scaled and placed on
the canvas. Strokes are rendered by stamping round pen dabs on a 4x
supersampled mask (slightly varying pressure), then downsampled for
anti-aliasing.

Only the Python standard library and Pillow are needed. Output is fully
deterministic (fixed seeds).

Usage:
    python3 gen_digits.py [OUT_DIR] [--montage PATH]
"""
import math
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFont

SS = 4  # supersampling factor

# --------------------------------------------------------------------------
# Stroke definitions. Each variant is a list of strokes; each stroke is a list
# of (x, y) control points. A sharp corner is made by ending one stroke and
# starting the next one at the same point (round pen caps join them).
# --------------------------------------------------------------------------
DIGITS = {
    "0-a": [
        [(0.34, 0.03), (0.14, 0.14), (0.04, 0.45), (0.10, 0.82), (0.31, 0.98),
         (0.52, 0.86), (0.60, 0.50), (0.53, 0.16), (0.36, 0.02), (0.22, 0.07)],
    ],
    "0-b": [
        [(0.40, 0.05), (0.22, 0.08), (0.08, 0.35), (0.07, 0.70), (0.22, 0.96),
         (0.42, 0.93), (0.55, 0.62), (0.54, 0.25), (0.44, 0.06), (0.30, 0.03)],
    ],
    "1-a": [
        [(0.33, 0.02), (0.32, 0.35), (0.30, 0.70), (0.29, 0.99)],
    ],
    "1-b": [
        [(0.16, 0.20), (0.26, 0.12), (0.36, 0.02)],
        [(0.36, 0.02), (0.35, 0.40), (0.34, 0.75), (0.33, 0.99)],
    ],
    "2-a": [
        [(0.06, 0.24), (0.20, 0.05), (0.42, 0.03), (0.56, 0.20), (0.50, 0.45),
         (0.28, 0.70), (0.04, 0.96)],
        [(0.04, 0.96), (0.30, 0.95), (0.62, 0.97)],
    ],
    "2-b": [
        [(0.05, 0.20), (0.22, 0.03), (0.45, 0.04), (0.55, 0.22), (0.46, 0.48),
         (0.22, 0.78), (0.06, 0.95), (0.12, 0.86), (0.24, 0.88), (0.44, 0.96),
         (0.64, 0.92)],
    ],
    "3-a": [
        [(0.07, 0.12), (0.28, 0.01), (0.50, 0.07), (0.52, 0.27), (0.38, 0.42),
         (0.22, 0.47)],
        [(0.22, 0.47), (0.46, 0.54), (0.58, 0.74), (0.46, 0.94), (0.24, 0.99),
         (0.03, 0.88)],
    ],
    "3-b": [
        [(0.05, 0.05), (0.55, 0.03)],
        [(0.55, 0.03), (0.42, 0.20), (0.28, 0.40)],
        [(0.28, 0.40), (0.50, 0.47), (0.60, 0.70), (0.50, 0.92), (0.26, 0.99),
         (0.04, 0.90)],
    ],
    # open 4: an "L" then the long vertical
    "4-a": [
        [(0.14, 0.02), (0.10, 0.30), (0.05, 0.60)],
        [(0.05, 0.60), (0.35, 0.61), (0.64, 0.59)],
        [(0.47, 0.18), (0.46, 0.60), (0.45, 1.00)],
    ],
    # closed 4: diagonal, crossbar, then vertical through the apex
    "4-b": [
        [(0.45, 0.02), (0.25, 0.32), (0.03, 0.64)],
        [(0.03, 0.64), (0.35, 0.65), (0.63, 0.62)],
        [(0.45, 0.02), (0.45, 0.50), (0.44, 1.00)],
    ],
    "5-a": [
        [(0.15, 0.04), (0.10, 0.25), (0.08, 0.45)],
        [(0.08, 0.45), (0.30, 0.37), (0.52, 0.47), (0.58, 0.72), (0.42, 0.95),
         (0.18, 0.98), (0.03, 0.87)],
        [(0.15, 0.04), (0.35, 0.04), (0.58, 0.02)],
    ],
    "5-b": [
        [(0.56, 0.03), (0.34, 0.04), (0.14, 0.05)],
        [(0.14, 0.05), (0.11, 0.25), (0.10, 0.44)],
        [(0.10, 0.44), (0.33, 0.39), (0.54, 0.52), (0.56, 0.78), (0.38, 0.97),
         (0.06, 0.90)],
    ],
    "6-a": [
        [(0.50, 0.03), (0.28, 0.18), (0.10, 0.50), (0.10, 0.84), (0.30, 0.99),
         (0.52, 0.88), (0.54, 0.64), (0.34, 0.53), (0.13, 0.64)],
    ],
    "6-b": [
        [(0.46, 0.02), (0.20, 0.22), (0.07, 0.55), (0.14, 0.88), (0.36, 0.99),
         (0.55, 0.82), (0.50, 0.58), (0.28, 0.55), (0.11, 0.70)],
    ],
    # 7 without crossbar, with a tiny lead-in tick
    "7-a": [
        [(0.04, 0.14), (0.05, 0.05)],
        [(0.05, 0.05), (0.32, 0.06), (0.62, 0.04)],
        [(0.62, 0.04), (0.45, 0.38), (0.33, 0.70), (0.26, 1.00)],
    ],
    # European 7 with a crossbar
    "7-b": [
        [(0.03, 0.06), (0.30, 0.04), (0.60, 0.05)],
        [(0.60, 0.05), (0.46, 0.38), (0.36, 0.68), (0.30, 1.00)],
        [(0.20, 0.52), (0.38, 0.50), (0.58, 0.50)],
    ],
    # one-stroke figure eight
    "8-a": [
        [(0.52, 0.14), (0.32, 0.02), (0.10, 0.12), (0.14, 0.34), (0.42, 0.55),
         (0.57, 0.79), (0.34, 0.99), (0.08, 0.86), (0.12, 0.62), (0.42, 0.42),
         (0.53, 0.20), (0.40, 0.04)],
    ],
    # two stacked loops
    "8-b": [
        [(0.32, 0.45), (0.12, 0.34), (0.14, 0.10), (0.32, 0.02), (0.50, 0.11),
         (0.50, 0.34), (0.32, 0.45)],
        [(0.32, 0.45), (0.07, 0.60), (0.08, 0.88), (0.32, 0.99), (0.56, 0.87),
         (0.55, 0.60), (0.32, 0.45)],
    ],
    # loop plus straight tail
    "9-a": [
        [(0.50, 0.07), (0.30, 0.02), (0.11, 0.11), (0.09, 0.31), (0.26, 0.42),
         (0.46, 0.35), (0.53, 0.18)],
        [(0.50, 0.07), (0.53, 0.50), (0.50, 1.00)],
    ],
    # loop plus curved tail
    "9-b": [
        [(0.52, 0.14), (0.32, 0.02), (0.10, 0.11), (0.07, 0.34), (0.28, 0.46),
         (0.50, 0.36), (0.54, 0.14)],
        [(0.54, 0.14), (0.56, 0.50), (0.48, 0.84), (0.28, 0.99), (0.08, 0.90)],
    ],
}

# --------------------------------------------------------------------------
# Per-file appearance. size = (w, h); height = digit height as a fraction of
# canvas height; cx, cy = digit centre as a fraction of the canvas; pen =
# pen width as a fraction of digit height; slant = forward lean (shear);
# rot = rotation in degrees; mode: "rgb" (dark ink on light), "inv" (white ink
# on black, RGB), "rgba" (dark ink, transparent background).
# --------------------------------------------------------------------------
BLACK = (0, 0, 0)
NAVY = (18, 28, 110)
DGRAY = (55, 55, 60)
PENBLUE = (25, 45, 140)
WHITE = (255, 255, 255)
OFFWHITE = (248, 246, 238)
PAPER = (242, 242, 245)

STYLES = {
    "0-a": dict(size=(200, 200), height=0.70, cx=0.50, cy=0.50, pen=0.08, slant=0.10, rot=-3, ink=BLACK, bg=WHITE, mode="rgb"),
    "0-b": dict(size=(280, 280), height=0.62, cx=0.56, cy=0.46, pen=0.11, slant=0.18, rot=2, ink=BLACK, bg=WHITE, mode="rgba"),
    "1-a": dict(size=(120, 120), height=0.72, cx=0.46, cy=0.52, pen=0.10, slant=0.12, rot=0, ink=NAVY, bg=OFFWHITE, mode="rgb"),
    "1-b": dict(size=(320, 240), height=0.66, cx=0.40, cy=0.50, pen=0.07, slant=0.05, rot=2, ink=BLACK, bg=WHITE, mode="rgb"),
    "2-a": dict(size=(256, 256), height=0.60, cx=0.50, cy=0.54, pen=0.07, slant=0.08, rot=-2, ink=DGRAY, bg=WHITE, mode="rgb"),
    "2-b": dict(size=(150, 150), height=0.74, cx=0.52, cy=0.50, pen=0.11, slant=0.15, rot=3, ink=WHITE, bg=BLACK, mode="inv"),
    "3-a": dict(size=(400, 300), height=0.68, cx=0.62, cy=0.48, pen=0.09, slant=0.06, rot=0, ink=BLACK, bg=WHITE, mode="rgb"),
    "3-b": dict(size=(200, 240), height=0.58, cx=0.48, cy=0.44, pen=0.065, slant=0.14, rot=-4, ink=PENBLUE, bg=PAPER, mode="rgb"),
    "4-a": dict(size=(240, 180), height=0.72, cx=0.47, cy=0.52, pen=0.10, slant=0.04, rot=1, ink=BLACK, bg=OFFWHITE, mode="rgb"),
    "4-b": dict(size=(180, 180), height=0.66, cx=0.50, cy=0.50, pen=0.075, slant=0.10, rot=-2, ink=BLACK, bg=WHITE, mode="rgba"),
    "5-a": dict(size=(128, 128), height=0.70, cx=0.52, cy=0.49, pen=0.08, slant=0.10, rot=0, ink=BLACK, bg=WHITE, mode="rgb"),
    "5-b": dict(size=(300, 220), height=0.64, cx=0.44, cy=0.55, pen=0.115, slant=0.02, rot=3, ink=DGRAY, bg=OFFWHITE, mode="rgb"),
    "6-a": dict(size=(224, 224), height=0.66, cx=0.50, cy=0.50, pen=0.09, slant=0.12, rot=-2, ink=WHITE, bg=BLACK, mode="inv"),
    "6-b": dict(size=(160, 240), height=0.55, cx=0.50, cy=0.40, pen=0.07, slant=0.20, rot=0, ink=NAVY, bg=WHITE, mode="rgb"),
    "7-a": dict(size=(200, 200), height=0.68, cx=0.48, cy=0.52, pen=0.085, slant=0.05, rot=2, ink=NAVY, bg=WHITE, mode="rgba"),
    "7-b": dict(size=(360, 280), height=0.60, cx=0.38, cy=0.50, pen=0.11, slant=0.12, rot=-1, ink=BLACK, bg=WHITE, mode="rgb"),
    "8-a": dict(size=(140, 140), height=0.76, cx=0.50, cy=0.50, pen=0.07, slant=0.10, rot=3, ink=BLACK, bg=PAPER, mode="rgb"),
    "8-b": dict(size=(260, 200), height=0.70, cx=0.55, cy=0.48, pen=0.10, slant=0.08, rot=-2, ink=DGRAY, bg=WHITE, mode="rgb"),
    "9-a": dict(size=(300, 300), height=0.56, cx=0.45, cy=0.55, pen=0.12, slant=0.14, rot=0, ink=BLACK, bg=WHITE, mode="rgb"),
    "9-b": dict(size=(180, 220), height=0.68, cx=0.50, cy=0.50, pen=0.075, slant=0.09, rot=2, ink=WHITE, bg=(12, 12, 14), mode="inv"),
}


# --------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------
def catmull_rom(points, samples_per_seg=24, alpha=0.5):
    """Centripetal Catmull-Rom spline through all points (end points duplicated)."""
    if len(points) == 2:
        (x0, y0), (x1, y1) = points
        n = samples_per_seg
        return [(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(n + 1)]
    pts = [points[0]] + list(points) + [points[-1]]
    # Extrapolate phantom end points instead of duplicating (nicer ends).
    pts[0] = (2 * points[0][0] - points[1][0], 2 * points[0][1] - points[1][1])
    pts[-1] = (2 * points[-1][0] - points[-2][0], 2 * points[-1][1] - points[-2][1])
    out = []

    def tj(ti, a, b):
        d = math.hypot(b[0] - a[0], b[1] - a[1])
        return ti + max(d, 1e-6) ** alpha

    for i in range(len(pts) - 3):
        p0, p1, p2, p3 = pts[i], pts[i + 1], pts[i + 2], pts[i + 3]
        t0 = 0.0
        t1 = tj(t0, p0, p1)
        t2 = tj(t1, p1, p2)
        t3 = tj(t2, p2, p3)
        for k in range(samples_per_seg + (1 if i == len(pts) - 4 else 0)):
            t = t1 + (t2 - t1) * k / samples_per_seg
            a1 = [((t1 - t) * p0[j] + (t - t0) * p1[j]) / (t1 - t0) for j in (0, 1)]
            a2 = [((t2 - t) * p1[j] + (t - t1) * p2[j]) / (t2 - t1) for j in (0, 1)]
            a3 = [((t3 - t) * p2[j] + (t - t2) * p3[j]) / (t3 - t2) for j in (0, 1)]
            b1 = [((t2 - t) * a1[j] + (t - t0) * a2[j]) / (t2 - t0) for j in (0, 1)]
            b2 = [((t3 - t) * a2[j] + (t - t1) * a3[j]) / (t3 - t1) for j in (0, 1)]
            c = [((t2 - t) * b1[j] + (t - t1) * b2[j]) / (t2 - t1) for j in (0, 1)]
            out.append((c[0], c[1]))
    return out


def resample(poly, step):
    """Resample a polyline at (roughly) constant arc-length spacing."""
    out = [poly[0]]
    carry = 0.0
    for (x0, y0), (x1, y1) in zip(poly, poly[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg == 0:
            continue
        d = step - carry
        while d <= seg:
            t = d / seg
            out.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
            d += step
        carry = seg - (d - step)
    out.append(poly[-1])
    return out


def wobble(poly, rng, amp, wavelength):
    """Low-frequency perpendicular wobble (hand tremor / mouse unevenness).

    The wobble frequency is tied to arc length (about one slow wave per
    `wavelength` px), so short strokes are not wiggly; it fades out at the
    stroke ends so that strokes meeting at a corner stay joined.
    """
    n = len(poly)
    if n < 3:
        return poly
    arc = [0.0]
    for (x0, y0), (x1, y1) in zip(poly, poly[1:]):
        arc.append(arc[-1] + math.hypot(x1 - x0, y1 - y0))
    total = arc[-1] or 1.0
    waves = [(rng.uniform(0.5, 1.0) * amp, rng.uniform(0.6, 1.4) / wavelength, rng.uniform(0, 2 * math.pi))
             for _ in range(2)]
    ramp = min(total / 2.0, 0.15 * wavelength)
    out = []
    for i, (x, y) in enumerate(poly):
        a = poly[max(i - 1, 0)]
        b = poly[min(i + 1, n - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / ln, dx / ln
        env = min(1.0, arc[i] / ramp, (total - arc[i]) / ramp) if ramp > 0 else 0.0
        off = env * sum(A * math.sin(2 * math.pi * f * arc[i] + ph) for A, f, ph in waves)
        out.append((x + nx * off, y + ny * off))
    return out


def render(name, strokes, st, seed):
    rng = random.Random(seed)
    w, h = st["size"]
    W, H = w * SS, h * SS
    dh = st["height"] * H                      # digit height in supersampled px
    pen = st["pen"] * dh                       # pen width
    slant, rot = st["slant"], math.radians(st["rot"])
    cx, cy = st["cx"] * W, st["cy"] * H
    jit = 0.014                                # control-point jitter (unit box)

    # jitter control points; shared end points of joined strokes keep the same jitter
    cache = {}

    def j(p):
        key = (round(p[0], 4), round(p[1], 4))
        if key not in cache:
            cache[key] = (p[0] + rng.gauss(0, jit), p[1] + rng.gauss(0, jit))
        return cache[key]

    # bounding box of the unit shape, for centring
    allpts = [p for s in strokes for p in s]
    ux = (min(p[0] for p in allpts) + max(p[0] for p in allpts)) / 2
    uy = 0.5

    def xf(p):
        x, y = p[0] - ux, p[1] - uy
        x += slant * (-y)                      # lean forward (top to the right)
        xr = x * math.cos(rot) - y * math.sin(rot)
        yr = x * math.sin(rot) + y * math.cos(rot)
        return (cx + xr * dh, cy + yr * dh)

    mask = Image.new("L", (W, H), 0)
    dr = ImageDraw.Draw(mask)
    for stroke in strokes:
        ctrl = [j(p) for p in stroke]
        curve = catmull_rom(ctrl)
        curve = [xf(p) for p in curve]
        curve = resample(curve, max(pen / 10.0, 1.0))
        curve = wobble(curve, rng, 0.007 * dh, 0.8 * dh)
        n = len(curve)
        p_start, p_end = rng.uniform(0.85, 1.0), rng.uniform(0.8, 1.0)
        ph = rng.uniform(0, 2 * math.pi)
        for i, (x, y) in enumerate(curve):
            s = i / max(n - 1, 1)
            pressure = p_start + (p_end - p_start) * s
            pressure *= 1.0 + 0.06 * math.sin(2 * math.pi * 1.3 * s + ph)
            r = pen * pressure / 2.0
            dr.ellipse((x - r, y - r, x + r, y + r), fill=255)

    mask = mask.resize((w, h), Image.LANCZOS)
    ink, bg, mode = st["ink"], st["bg"], st["mode"]
    if mode == "rgba":
        # Like a canvas export: transparent pixels are (0,0,0,0), ink pixels
        # carry the ink colour, alpha carries the (anti-aliased) drawing.
        solid = Image.new("RGBA", (w, h), ink + (255,))
        img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        img.paste(solid, (0, 0), mask)
        img.putalpha(mask)
        return img
    img = Image.new("RGB", (w, h), bg)
    img.paste(Image.new("RGB", (w, h), ink), (0, 0), mask)
    return img


def montage(images, path):
    tile = 140
    pad = 8
    cols = 10
    rows = 2
    M = Image.new("RGB", (cols * (tile + pad) + pad, rows * (tile + pad + 16) + pad), (128, 128, 128))
    d = ImageDraw.Draw(M)
    font = ImageFont.load_default()
    for name, img in images.items():
        digit, var = name.split("-")
        c, r = int(digit), (0 if var == "a" else 1)
        im = img.copy()
        im.thumbnail((tile, tile), Image.LANCZOS)
        # checkerboard behind transparent images
        cell = Image.new("RGB", im.size, (200, 200, 200))
        cd = ImageDraw.Draw(cell)
        for yy in range(0, im.size[1], 10):
            for xx in range(0, im.size[0], 10):
                if (xx // 10 + yy // 10) % 2:
                    cd.rectangle((xx, yy, xx + 9, yy + 9), fill=(235, 235, 235))
        if im.mode == "RGBA":
            cell.paste(im, (0, 0), im)
        else:
            cell = im
        x0 = pad + c * (tile + pad) + (tile - im.size[0]) // 2
        y0 = pad + r * (tile + pad + 16) + 16 + (tile - im.size[1]) // 2
        M.paste(cell, (x0, y0))
        label = name + (" RGBA" if img.mode == "RGBA" else "")
        d.text((pad + c * (tile + pad), pad + r * (tile + pad + 16)), label, fill=(255, 255, 0), font=font)
    M.save(path)


def main(argv):
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "digits")
    montage_path = None
    args = list(argv)
    if "--montage" in args:
        i = args.index("--montage")
        montage_path = args[i + 1]
        del args[i:i + 2]
    if args:
        out_dir = args[0]
    out_dir = os.path.normpath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    images = {}
    for idx, name in enumerate(sorted(DIGITS)):
        img = render(name, DIGITS[name], STYLES[name], seed=1000 + idx * 7919)
        img.save(os.path.join(out_dir, name + ".png"), optimize=True)
        images[name] = img
        print(f"{name}.png  {img.size[0]}x{img.size[1]}  {img.mode}  {STYLES[name]['mode']}")
    if montage_path:
        montage(images, montage_path)
        print("montage:", montage_path)


if __name__ == "__main__":
    main(sys.argv[1:])
