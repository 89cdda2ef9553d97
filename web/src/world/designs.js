// Generated works on the walls: the shop's "new designs" display and the museum's gallery. Each
// work is a framed canvas (the generated 28x28 image enlarged without smoothing, its title below),
// hung in rows on the wall the space's placement names.
import * as THREE from 'three';

// Where each space hangs its works: the wall's centre, the direction the works face (radians about
// y, 0 = toward +z), the wall length used and the rows.
export const DESIGN_WALLS = {
  shop: { x: 31.56, z: 17, ry: -Math.PI / 2, length: 6, rows: 2, title: 'New designs' },
  museum: { x: 13.72, z: 5.2, ry: Math.PI / 2, length: 8.4, rows: 2, title: 'Generated works' },
};

const PX = 4; // canvas pixels per image pixel
const CARD = { w: 28 * PX + 16, h: 28 * PX + 40 };

/** Draws one work's card; resolves once its image has been decoded. */
export function drawCard(design) {
  const canvas = document.createElement('canvas');
  canvas.width = CARD.w;
  canvas.height = CARD.h;
  const c = canvas.getContext('2d');
  c.fillStyle = '#1d1a17';
  c.fillRect(0, 0, CARD.w, CARD.h);
  c.fillStyle = '#e8dcc4';
  c.font = '11px sans-serif';
  c.textAlign = 'center';
  const label = design.category ? `${design.category}${Number.isFinite(design.confidence) ? ` ${Math.round(design.confidence * 100)}%` : ''}` : design.title;
  c.fillText(label, CARD.w / 2, CARD.h - 14);
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      c.imageSmoothingEnabled = false;
      c.drawImage(img, 8, 8, 28 * PX, 28 * PX);
      resolve(canvas);
    };
    img.onerror = () => resolve(canvas);
    img.src = design.png;
  });
}

/** Builds the wall of works; returns the group (add it to the space) and a promise of its textures. */
export function designWall(kind, designs) {
  const place = DESIGN_WALLS[kind];
  const group = new THREE.Group();
  group.name = 'designs';
  if (!place || !designs.length) return { group, ready: Promise.resolve(0) };
  group.position.set(place.x, 0, place.z);
  group.rotation.y = place.ry;
  const perRow = Math.ceil(designs.length / place.rows);
  const step = place.length / perRow;
  const w = Math.min(0.9, step * 0.86), h = w * (CARD.h / CARD.w);
  const frame = new THREE.MeshLambertMaterial({ color: '#5a4632' });
  const loads = designs.map(async (d, i) => {
    const row = Math.floor(i / perRow), col = i % perRow;
    const x = -place.length / 2 + step * (col + 0.5);
    const y = 2.35 - row * (h + 0.25);
    const back = new THREE.Mesh(new THREE.BoxGeometry(w + 0.08, h + 0.08, 0.04), frame);
    back.position.set(x, y, 0.02);
    group.add(back);
    const canvas = await drawCard(d);
    const tex = new THREE.CanvasTexture(canvas);
    tex.colorSpace = THREE.SRGBColorSpace;
    tex.magFilter = THREE.NearestFilter;
    const face = new THREE.Mesh(new THREE.PlaneGeometry(w, h), new THREE.MeshBasicMaterial({ map: tex }));
    face.position.set(x, y, 0.045);
    face.userData.design = d;
    group.add(face);
    return face;
  });
  const ready = Promise.all(loads).then((faces) => faces.length);
  return { group, ready };
}
