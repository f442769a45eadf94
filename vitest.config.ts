import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Verilator builds and Yosys-WASM are CPU heavy; two cores on the CI machine.
    maxWorkers: 2,
  },
});
