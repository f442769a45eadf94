// The atomic-write helpers live in cache/ (the lowest shared layer) so the pipeline, the
// report, formal and the co-simulation write their outputs the same way; the CLI's commands
// keep importing them from here.
export * from '../cache/atomic-write.js';
