import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores in CI: keep the pool small so integration tests with embedded servers don't starve.
    maxWorkers: 2,
    testTimeout: 20_000,
    // These machines run Node 20; the SDK's notice that it will need Node 22 in 2027 is not news per test file.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
