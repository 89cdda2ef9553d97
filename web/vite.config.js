import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Two pages are shipped (the world and the admin page). preview.html is a designer's page for
// `npm run dev` only: it renders a space from the default world without a server.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        admin: resolve(import.meta.dirname, 'admin.html'),
      },
    },
  },
  server: {
    fs: { allow: ['..'] },
    // `npm run dev` against a local world server on :8080.
    proxy: { '/api': 'http://localhost:8080', '/ws': { target: 'ws://localhost:8080', ws: true } },
  },
});
