// The look of each space kind: sky, floor, light, palette and decorations. Lights are few (one
// hemisphere, one shadow-casting sun) because the tests render with software WebGL; warm spots and
// window light are faked with additive glow planes.
export const THEMES = {
  plaza: {
    sky: ['#4f9fdc', '#cfe9f7'], fog: ['#cfe9f7', 45, 140], floor: 'paving', outside: 'grass',
    hemi: ['#dff3ff', '#8a9a6a', 1.6], sun: ['#fff1d6', 2.4, [30, 45, 20]],
    wall: '#e3d6bf', trim: '#b9a98c', accent: '#2f7fb5', benchWood: '#a8703f', pot: '#b3b0a6',
    portal: '#46c2ff', indoor: false,
  },
  museum: {
    sky: ['#f6b26b', '#fde7c7'], fog: ['#fde7c7', 45, 120], floor: 'marble', outside: 'grass',
    hemi: ['#fff4e0', '#7a6a58', 1.35], sun: ['#ffe3b5', 1.7, [12, 30, 18]],
    wall: '#7b2f34', trim: '#c9a24a', band: null, frame: '#b8892f', benchWood: '#5e3d24', pot: '#e8e2d6',
    accent: '#8c6a3f', counter: '#4a3426', counterTop: '#2c1f17', wash: '#ffc46b', portal: '#ffb347', indoor: true,
  },
  classroom: {
    sky: ['#9cc9e8', '#e4f1f8'], fog: ['#e4f1f8', 40, 110], floor: 'planks', outside: 'grass',
    hemi: ['#eef6ff', '#9a7a5a', 1.5], sun: ['#fff6e0', 2.0, [-20, 28, 10]],
    wall: '#f3ead6', trim: '#8a6a46', band: '#d9c7a0', bandLow: '#e8dcc0', deskTop: '#d2a774', deskPanel: '#8c6a4a',
    chair: '#3f7cac', shelf: '#a0774e', shelfBack: '#8c6a46', goods: ['#c0392b', '#2980b9', '#27ae60', '#f39c12', '#8e44ad', '#ecf0f1', '#34495e'],
    windows: true, portal: '#7be07b', indoor: true,
  },
  shop: {
    sky: ['#ffe9c7', '#fff8ec'], fog: ['#fff8ec', 40, 110], floor: 'tiles', outside: 'grass',
    hemi: ['#ffffff', '#c8b9a0', 1.8], sun: ['#fff8ea', 2.1, [14, 30, 22]],
    wall: '#fdf6ea', trim: '#e5533d', band: '#f6c85f', bandLow: '#fdf6ea', accent: '#e5533d', counter: '#fffaf0', counterTop: '#e5533d',
    shelf: '#ffffff', shelfBack: '#f3e9da', chair: '#e5533d', pot: '#ffffff',
    goods: ['#e74c3c', '#f39c12', '#f1c40f', '#2ecc71', '#3498db', '#9b59b6', '#e84393', '#1abc9c', '#ff7f50'],
    signs: true, portal: '#ff6fb5', indoor: true,
  },
  clinic: {
    sky: ['#cfeee9', '#f4fbfa'], fog: ['#f4fbfa', 40, 110], floor: 'vinyl', outside: 'grass',
    hemi: ['#f4ffff', '#9ab8b4', 1.7], sun: ['#ffffff', 1.9, [16, 30, 20]],
    wall: '#fbfdfd', trim: '#2a9d8f', band: '#8fd3c9', bandLow: '#e4f4f1', accent: '#2a9d8f', counter: '#ffffff', counterTop: '#2a9d8f',
    chair: '#2a9d8f', curtain: '#9fd8d3', blanket: '#5fb3b3', bedFrame: '#d5dee2', shelf: '#ffffff', shelfBack: '#e4f4f1', pot: '#ffffff',
    goods: ['#ffffff', '#e8f6f3', '#2a9d8f', '#e76f51', '#8ecae6'], cross: true, portal: '#2a9d8f', indoor: true,
  },
};

/** Portal colours by the kind of space they lead to. */
export const PORTAL_COLORS = { plaza: '#46c2ff', museum: '#ffb347', classroom: '#7be07b', shop: '#ff6fb5', clinic: '#3fd1c1' };

export function themeFor(kind) {
  return THEMES[kind] || THEMES.plaza;
}
