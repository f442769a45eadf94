// Co-simulation throughput, both levels in one run: the core lockstep (core.ts) and the
// block-level co-simulation of the four VT-i blocks (blocks.ts).
// Usage: npx tsx bench/cosim/run.ts [ITERATIONS] [PROGRAM]   (arguments go to core.ts)
await import('./core.js');
process.stdout.write('\n');
await import('./blocks.js');
