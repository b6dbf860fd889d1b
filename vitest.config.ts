import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores in CI: keep the pool small so integration tests with embedded servers don't starve.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
