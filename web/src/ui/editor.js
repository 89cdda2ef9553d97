// The avatar editor: name, colours, shape and height with a live 3D preview. Resolves with the
// saved Avatar, or null when cancelled (only offered when an avatar already exists).
import * as THREE from 'three';
import * as api from '../api.js';
import { makeAvatar, normalizeAppearance } from '../world/avatar.js';
import { $, show } from './dom.js';

export function editAvatar(current = null) {
  show('#editor');
  const a = normalizeAppearance(current?.appearance);
  $('#avatar-name').value = current?.name || '';
  $('#avatar-body').value = a.body;
  $('#avatar-head').value = a.head;
  $('#avatar-accent').value = a.accent;
  for (const r of document.querySelectorAll('input[name=shape]')) r.checked = r.value === a.shape;
  $('#avatar-height').value = a.height;
  $('#avatar-error').textContent = '';
  show('#avatar-cancel', !!current);
  $('#avatar-save').textContent = current ? 'Save' : 'Enter the world';

  const read = () => ({
    body: $('#avatar-body').value,
    head: $('#avatar-head').value,
    accent: $('#avatar-accent').value,
    shape: document.querySelector('input[name=shape]:checked')?.value || 'round',
    height: Number($('#avatar-height').value),
  });

  const canvas = $('#avatar-preview');
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: true, alpha: true });
  renderer.setPixelRatio(1);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  const scene = new THREE.Scene();
  scene.add(new THREE.HemisphereLight('#ffffff', '#a09080', 2.2));
  const sun = new THREE.DirectionalLight('#ffffff', 1.6);
  sun.position.set(2, 4, 3);
  scene.add(sun);
  const floor = new THREE.Mesh(new THREE.CircleGeometry(0.8, 24), new THREE.MeshLambertMaterial({ color: '#d8d2c4' }));
  floor.rotation.x = -Math.PI / 2;
  scene.add(floor);
  const camera = new THREE.PerspectiveCamera(35, canvas.width / canvas.height, 0.1, 20);
  camera.position.set(0, 1.3, 3.8);
  camera.lookAt(0, 0.85, 0);
  let model = null;
  const rebuild = () => {
    if (model) scene.remove(model);
    model = makeAvatar(read(), { shadows: false });
    scene.add(model);
    $('#avatar-height-value').textContent = read().height.toFixed(2);
  };
  rebuild();
  let running = true;
  const spin = (t) => {
    if (!running) return;
    model.rotation.y = t / 1500;
    renderer.render(scene, camera);
    requestAnimationFrame(spin);
  };
  requestAnimationFrame(spin);
  const form = $('#avatar-form');
  form.oninput = rebuild;

  return new Promise((resolve) => {
    const done = (v) => {
      running = false;
      renderer.dispose();
      form.oninput = form.onsubmit = null;
      $('#avatar-cancel').onclick = null;
      show('#editor', false);
      resolve(v);
    };
    form.onsubmit = async (e) => {
      e.preventDefault();
      const name = $('#avatar-name').value.trim();
      if (!name) return void ($('#avatar-error').textContent = 'Give your avatar a name.');
      $('#avatar-save').disabled = true;
      try {
        done(await api.putAvatar(name, read()));
      } catch (err) {
        $('#avatar-error').textContent = err.message;
      } finally {
        $('#avatar-save').disabled = false;
      }
    };
    $('#avatar-cancel').onclick = () => done(null);
  });
}
