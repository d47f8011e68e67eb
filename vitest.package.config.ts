import { defineConfig } from 'vitest/config'

/** `npm run test:package`: the package as a consumer installs it, from a fresh clone (run by .ci/run). */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
})
