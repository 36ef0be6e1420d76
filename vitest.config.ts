import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Each file gets real SQLite files in its own temp folder; two workers match the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './tests/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A screen answering a click waits for the host, which shares the 2 cores with the other test
    // worker and Chromium: under the whole suite that can pass 1 s (Vitest's default), seldom 5 s.
    expect: { poll: { timeout: 5_000 } },
  },
});
