import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Three pages are shipped (the world, the admin page and the Studio). preview.html is a designer's
// page for `npm run dev` only: it renders a space from the default world without a server.
// The Studio's on-device inference imports onnxruntime-web's WebAssembly file with `?url`, so the
// build copies it into dist/assets/ and the page loads it from there (no network, no CDN).

// The tags every page's <head> shares, written once: the build and the dev server put them first
// in each page (the charset must come within the first 1024 bytes).
const sharedHead = {
  name: 'worldmind-shared-head',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' },
    { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' }, injectTo: 'head-prepend' },
    // No favicon request: the server has none to give.
    { tag: 'link', attrs: { rel: 'icon', href: 'data:,' }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  base: './',
  plugins: [sharedHead],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        admin: resolve(import.meta.dirname, 'admin.html'),
        studio: resolve(import.meta.dirname, 'studio.html'),
      },
    },
  },
  // onnxruntime-web finds its .wasm relative to its own module; pre-bundling would move the module.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: {
    fs: { allow: ['..'] },
    // `npm run dev` against a local world server on :8080.
    proxy: { '/api': 'http://localhost:8080', '/ws': { target: 'ws://localhost:8080', ws: true } },
  },
});
