import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. In development `/api` is proxied to the server (npm run dev at the root starts both);
 * in production the server serves `dist/` itself, so the app and the API share one origin (cookie session).
 */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.BANGFU_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and its scheduler change rarely: one long-cached chunk.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
