import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
