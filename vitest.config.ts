import { defineConfig } from 'vitest/config';
import { budget } from './test/budget.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Budgets of work on an idle machine, stretched by the load (test/budget.ts).
    testTimeout: budget(120_000),
    hookTimeout: budget(300_000),
    // Verilator builds and Yosys-WASM are CPU heavy; two cores on the CI machine.
    maxWorkers: 2,
  },
});
