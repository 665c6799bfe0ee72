import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB instances are heavy: two workers match the 2-core CI machine.
    maxWorkers: 2,
  },
});
