// Example with a memory: a register file of 16 words × 32 bits with one write port, two
// asynchronous read ports (as a CPU's operand reads) and one synchronous read port (as a
// block RAM reads). Register 0 reads as its power-on contents, like any other (no hard-wired
// zero). A property ties a read back to the write before it.
import { defineModule, past } from '../dsl/index.js';

export function regfile() {
  return defineModule(
    'regfile',
    (m) => {
      const clk = m.clock();
      const we = m.input('we', 1);
      const wa = m.input('wa', 4);
      const wd = m.input('wd', 32);
      const ra = m.input('ra', 4);
      const rb = m.input('rb', 4);
      const qa = m.output('qa', 32);
      const qb = m.output('qb', 32);
      const qs = m.output('qs', 32);
      const rf = m.memory('rf', { depth: 16, width: 32, init: [0, 1, 2, 3] });
      rf.write(wa, wd, we);
      qa.set(rf.read(ra));
      qb.set(rf.read(rb));
      qs.set(rf.readSync(ra));
      m.when(past(we).and(ra.eq(past(wa))), () =>
        m.assert(qa.eq(past(wd)), 'a read returns the word written the cycle before'),
      );
      return { clk, we, wa, wd, ra, rb, qa, qb, qs };
    },
    { doc: 'Register file: 16 × 32, one write port, two asynchronous and one synchronous read port.' },
  );
}
