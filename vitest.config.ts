import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `npm run test:package` runs these: they clone, pack and install the package (.ci/run does).
    exclude: ['test/package/**', '**/node_modules/**'],
    // As the README's Vitest configuration says: signing keys made once per run, handed to every file's simulations.
    globalSetup: ['src/adapters/testing/vitest-setup.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts', 'src/adapters/testing/vitest.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Files share their worker's modules (chosen: it halves the suite, 6 minutes to 3 on two cores, as most of a file's time
    // was loading the contract again). Every file leaves the globals as it found them (MSW servers closed, fake timers
    // and stubs restored); the suite passes in shuffled file orders too.
    isolate: false,
    // The SDK warns once per process that its 2027 releases need Node 22; this machine's default is Node 20.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
})
