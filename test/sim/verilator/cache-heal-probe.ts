// The smallest model for the cache-healing tests: y = x + 1, made unique per run by a nonce in
// a comment (a real build even on a warm cache, while the runtime and headers are reused).
import type { ModuleSpec } from '../../../sim/verilator/spec.js';

export const healProbe = (nonce: string): ModuleSpec => ({
  top: 'heal_probe',
  files: {
    'heal_probe.v': `// cache healing probe, run ${nonce}
module heal_probe (input wire [31:0] x, output wire [31:0] y);
  assign y = x + 32'd1;
endmodule
`,
  },
  ports: [
    { name: 'x', dir: 'input', width: 32 },
    { name: 'y', dir: 'output', width: 32 },
  ],
});
