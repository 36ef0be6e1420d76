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
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Escaped, the scripts are ASCII and browsers keep them as one-byte text: a dozen Chinese
        // month names in a date library's locale made the whole 950 KB library two-byte, which cost a
        // fresh tab ~50-100 ms decoding it and a quarter more parsing (Chromium traces).
        charset: 'ascii',
        // Screens other than the list load when opened (renderer/app/lazy-page.tsx). The libraries they
        // share with it go in one chunk rather than dozens of small ones (each a request, six at a time,
        // over the office network); the calendar's and the board's own libraries stay with those screens.
        codeSplitting: {
          groups: [{ name: 'vendor', test: /node_modules[\\/](?!@fullcalendar|@dnd-kit|preact)/ }],
        },
      },
    },
  },
  server: {
    // `vite` during development talks to a headless host started with `npm run serve`. Only the API's
    // own paths: the renderer's modules in renderer/api/ are served under /api/ too.
    proxy: { '^/api/(trpc/|health$)': 'http://127.0.0.1:5180' },
  },
});
