/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

// The Fluent files live outside ui/, in the repository's assets/ folder.
const assets = fileURLToPath(new URL('../assets', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  base: './',
  plugins: [svelte()],
  // Component tests mount Svelte's client runtime under jsdom.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    fs: { allow: [here, assets] },
  },
  preview: { port: 4173, strictPort: false },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
