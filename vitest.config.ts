import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `npm run test:package` runs these: they clone, pack and install the package (.ci/run does).
    exclude: ['test/package/**', '**/node_modules/**'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // The SDK warns once per process that its 2027 releases need Node 22; this machine's default is Node 20.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
})
