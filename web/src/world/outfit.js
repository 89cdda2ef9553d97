// Outfits on avatars: a garment's 28x28 grey picture (bright garment on black, as Fashion-MNIST)
// becomes a tinted, see-through texture on the front of the torso. Pure helpers are exported for
// unit tests; `applyOutfit` needs a browser (Image, canvas).
import * as THREE from 'three';

/** Where the torso's front is for each avatar shape: centre height, depth and the decal's size. */
export const TORSO = {
  round: { y: 0.74, z: 0.265, w: 0.46, h: 0.5 },
  box: { y: 0.76, z: 0.176, w: 0.52, h: 0.6 },
  slim: { y: 0.86, z: 0.172, w: 0.34, h: 0.56 },
};

const PALETTE = {
  'T-shirt/top': [230, 90, 70],
  Trouser: [60, 110, 200],
  Pullover: [150, 90, 190],
  Dress: [220, 70, 140],
  Coat: [150, 110, 60],
  Sandal: [230, 170, 60],
  Shirt: [70, 170, 160],
  Sneaker: [240, 240, 240],
  Bag: [120, 80, 50],
  'Ankle boot': [90, 60, 40],
};

/** The tint of a category (a fixed colour per Fashion-MNIST class, grey for others). */
export function tintOf(category) {
  return PALETTE[category] ?? [200, 200, 200];
}

/**
 * RGBA pixels of the decal from grey levels (0-255, garment bright): the garment takes the tint,
 * shaded by its grey level so its texture shows; the background (dark) is transparent.
 */
export function decalPixels(grey, tint) {
  const out = new Uint8ClampedArray(grey.length * 4);
  for (let i = 0; i < grey.length; i++) {
    const v = grey[i] / 255;
    const shade = 0.55 + 0.45 * v;
    out[i * 4] = Math.round(tint[0] * shade);
    out[i * 4 + 1] = Math.round(tint[1] * shade);
    out[i * 4 + 2] = Math.round(tint[2] * shade);
    out[i * 4 + 3] = v < 0.06 ? 0 : Math.round(Math.min(1, v * 1.6) * 255);
  }
  return out;
}

/** Loads a data URL's picture as grey levels (its red channel), 28x28. */
export async function loadGrey(url, side = 28) {
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob);
  const c = document.createElement('canvas');
  c.width = c.height = side;
  const g = c.getContext('2d');
  g.drawImage(bitmap, 0, 0, side, side);
  const d = g.getImageData(0, 0, side, side).data;
  const grey = new Uint8ClampedArray(side * side);
  for (let i = 0; i < grey.length; i++) grey[i] = d[i * 4];
  return grey;
}

/**
 * Puts an outfit on an avatar group (from makeAvatar), replacing the one it wore; null takes it
 * off. Resolves when the texture is drawn. `shape` is the avatar's shape.
 */
export async function applyOutfit(group, outfit, shape = 'round') {
  const inner = group.userData.parts?.inner;
  if (!inner) return;
  const old = group.userData.outfitMesh;
  if (old) {
    old.removeFromParent();
    old.material.map?.dispose();
    old.material.dispose();
    old.geometry.dispose();
    group.userData.outfitMesh = null;
  }
  group.userData.outfit = outfit ? { ...outfit, drawn: false } : null;
  if (!outfit) return;
  const wanted = outfit;
  const grey = await loadGrey(outfit.picture);
  if (group.userData.outfit?.picture !== wanted.picture) return; // changed meanwhile
  const side = Math.round(Math.sqrt(grey.length));
  const c = document.createElement('canvas');
  c.width = c.height = side;
  const g = c.getContext('2d');
  g.putImageData(new ImageData(decalPixels(grey, tintOf(outfit.category)), side, side), 0, 0);
  const tex = new THREE.CanvasTexture(c);
  tex.colorSpace = THREE.SRGBColorSpace;
  const t = TORSO[shape] ?? TORSO.round;
  const mesh = new THREE.Mesh(
    new THREE.PlaneGeometry(t.w, t.h),
    new THREE.MeshBasicMaterial({ map: tex, transparent: true, alphaTest: 0.05, side: THREE.DoubleSide }),
  );
  mesh.position.set(0, t.y, t.z);
  mesh.name = 'outfit';
  inner.add(mesh);
  group.userData.outfitMesh = mesh;
  group.userData.outfit.drawn = true;
}
