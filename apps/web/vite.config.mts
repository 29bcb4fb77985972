import { defineConfig } from 'vite';

/**
 * The web application. Built into apps/web/dist and served by the API application (apps/api/src/web-app.ts)
 * at `/`, so the browser talks to the API on the same origin and the refresh cookie stays same-site.
 * In development, `npm run dev:web` proxies /api to the API on port 3000.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // One CSS file and a few JS chunks: served with the API's strict CSP (script-src 'self').
    assetsInlineLimit: 0,
    // React, the router and the design system in one bundle of about 450 kB (135 kB gzipped).
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
