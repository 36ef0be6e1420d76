import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths, so the same build loads over http, file:// and the desktop's custom protocol.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // One bundle read from the local disk or the office network: splitting it would buy nothing.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite` during development talks to a headless host started with `npm run serve`. Only the API's
    // own paths: the renderer's modules in renderer/api/ are served under /api/ too.
    proxy: { '^/api/(trpc/|health$)': 'http://127.0.0.1:5180' },
  },
});
