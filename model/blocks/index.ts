// The four block references behind one entry point. Which reference belongs to which block
// (and to which design, stimulus and formal reference) is said once, in blocks/registry.ts.
export * from './columns.js';
export * from './psr.js';
export * from './vmsw.js';
export * from './addr-check.js';
export * from './fault-prio.js';
export * from './compare.js';
