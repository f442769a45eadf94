// Timing of the formal checks through Yosys-WASM: each check run twice in one process (the first
// run of a kind pays V8's compile/tier-up of the WASM code paths it uses, the second is warm),
// and the synthesis figures of generated vs reference RTL.  Run: npx tsx bench/formal/run.ts
import { BLOCK_NAMES, BLOCKS, type BlockName } from '../../blocks/registry.js';
import { blockProperties, referenceDesign } from '../../formal/blocks.js';
import { proveEquivalent, synthEquivalent } from '../../formal/equiv.js';
import { yosysGate } from '../../formal/gate.js';
import { isEquivalentMutant, mutants } from '../../formal/yosys-mutants.js';
import { proveProperties } from '../../formal/property-prover.js';
import { synthStats, type SynthStats } from '../../formal/stats.js';
import { yosys } from '../../formal/yosys.js';
import { vtiSpec } from '../../gen/vti.js';

/** Default-option Verilog, as `vti gen` writes it. */
const gen = Object.fromEntries(BLOCK_NAMES.map((b) => [b, () => vtiSpec(b).files])) as Record<
  BlockName,
  () => Record<string, string>
>;

const rows: [string, number, number][] = [];
async function twice(name: string, f: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await f();
  const t1 = performance.now();
  await f();
  rows.push([name, t1 - t0, performance.now() - t1]);
}

const tStart = performance.now();
const t0 = performance.now();
await yosys('help', {});
const firstCall = performance.now() - t0;
const t1 = performance.now();
await yosys('help', {});
const secondCall = performance.now() - t1;

for (const b of BLOCK_NAMES) {
  const files = gen[b]();
  await twice(`gate ${b}`, () => yosysGate(files, b));
}
for (const b of BLOCK_NAMES) {
  const files = gen[b]();
  await twice(`equiv ${b} vs ref${BLOCKS[b].sequential ? ' (induction)' : ''}`, async () => {
    const r = await proveEquivalent({
      gold: referenceDesign(b),
      gate: { files, top: b },
      sequential: BLOCKS[b].sequential,
    });
    if (!r.equivalent) throw new Error(`${b}: ${r.verdict}\n${r.table ?? ''}`);
  });
}
for (const b of BLOCK_NAMES) {
  const files = gen[b]();
  await twice(`properties ${b} (${blockProperties(b).length})`, async () => {
    const r = await proveProperties({ files, top: b }, blockProperties(b), { sequential: BLOCKS[b].sequential });
    if (r.some((x) => x.verdict !== 'holds')) throw new Error(`${b}: property failed: ${JSON.stringify(r)}`);
  });
}
for (const b of BLOCK_NAMES) {
  const files = gen[b]();
  await twice(`synthEquivalent ${b}`, async () => {
    const r = await synthEquivalent(files, b, { sequential: BLOCKS[b].sequential });
    if (!r.equivalent) throw new Error(`${b} vs its synth netlist: ${r.verdict}`);
  });
}
const stats: [string, SynthStats, SynthStats][] = [];
for (const b of BLOCK_NAMES) {
  let g: SynthStats | undefined;
  await twice(`synthStats ${b} (synth + synth_ice40)`, async () => {
    g = await synthStats(gen[b](), b);
  });
  const ref = referenceDesign(b);
  stats.push([b, g!, await synthStats(ref.files, ref.top, ref.params)]);
}
let killed = 0;
let total = 0;
await twice('mutants vti_vmsw x16 + equivalence of each', async () => {
  const files = gen.vti_vmsw();
  const ms = await mutants(files, 'vti_vmsw', 16, 1);
  total = ms.length;
  killed = 0;
  for (const m of ms) if (!(await isEquivalentMutant({ files, top: 'vti_vmsw' }, m))) killed++;
});

const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(9);
console.log(
  `Yosys-WASM first call in process (module compile): ${ms(firstCall)}; second trivial call: ${ms(secondCall)}`,
);
console.log(`${'check'.padEnd(48)} ${'first'.padStart(9)} ${'warm'.padStart(9)}`);
for (const [n, a, b] of rows) console.log(`${n.padEnd(48)} ${ms(a)} ${ms(b)}`);
console.log(`mutants of vti_vmsw: ${killed}/${total} not equivalent to the original (killable)`);
console.log(
  `\n${'block'.padEnd(16)} ${'gen cells'.padStart(10)} ${'ref cells'.padStart(10)} ${'gen LUT4'.padStart(9)} ${'ref LUT4'.padStart(9)} ${'gen FF'.padStart(7)} ${'gen depth'.padStart(10)} ${'ref depth'.padStart(10)}`,
);
for (const [b, g, r] of stats) {
  console.log(
    `${b.padEnd(16)} ${String(g.generic.cells).padStart(10)} ${String(r.generic.cells).padStart(10)} ${String(g.ice40.luts).padStart(9)} ${String(r.ice40.luts).padStart(9)} ${String(g.ice40.ffs).padStart(7)} ${String(g.ice40.depth).padStart(10)} ${String(r.ice40.depth).padStart(10)}`,
  );
}
console.log(`(depth = longest chain of iCE40 cells between ports / flip-flops)`);
console.log(`total: ${((performance.now() - tStart) / 1000).toFixed(1)} s`);
