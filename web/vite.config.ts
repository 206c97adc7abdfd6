import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress-plugin.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// `npm run build` writes web/dist, which the server serves at /. In development, `npx vite --config
// web/vite.config.ts` serves the client and forwards /api to a server started with `npm run dev`.
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every page is its own chunk (see src/routes.tsx); antd's shared parts land in the entry.
    chunkSizeWarningLimit: 900,
  },
  server: {
    host: '127.0.0.1',
    // The client imports shared code from common/, outside the web root.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
