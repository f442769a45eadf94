// Timing of P1-P6 (formal/props) on the generated vti_core, default options: elaboration of the
// checker, then per property the size of its cone, the induction proof and the cover search, and
// the broken variants' failing proofs. Each proof runs twice in one process (the first run of a
// kind pays V8's tier-up of the WASM code it uses; the second is warm). Wall time and process
// CPU time are both printed: on a shared machine wall time mostly measures the other jobs.
// Run: npx tsx bench/formal/props.ts
import { cpus } from 'node:os';
import { DEFAULT_CONFIG } from '../../arch/config.js';
import { PROP_NAMES, PROPERTIES, runProperties, mutantFor } from '../../formal/props/index.js';
import {
  checkerDesign,
  checkerFiles,
  coneStats,
  coverProperty,
  elaborate,
  proveProperty,
} from '../../formal/props/sat.js';
import { yosys } from '../../formal/yosys.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function timed<T>(f: () => Promise<T>): Promise<{ v: T; wall: number; cpu: number }> {
  const w = performance.now();
  const c = cpuMs();
  const v = await f();
  return { v, wall: performance.now() - w, cpu: cpuMs() - c };
}
const s = (ms: number) => (ms / 1000).toFixed(2).padStart(6);

const all0 = performance.now();
const cpu0 = cpuMs();
await yosys('help', {}); // WASM compile, counted in the total only
const elab = await timed(() => elaborate(checkerFiles(checkerDesign(DEFAULT_CONFIG))));
const il = elab.v;
const whole = await coneStats(il);
console.log(
  `checker (vti_props + vti_core): ${whole.cells} cells, ${whole.ffBits} flip-flop bits; elaboration ${s(elab.wall)} s wall ${s(elab.cpu)} s cpu`,
);
console.log('');
console.log(
  'prop | cone cells | cone FF bits | proof 1st (wall/cpu) | proof warm (wall/cpu) | verdict  | cover (wall/cpu) | cover cycles',
);
for (const n of PROP_NAMES) {
  const p = PROPERTIES[n];
  const cone = await coneStats(il, p);
  const a = await timed(() => proveProperty(il, p));
  const b = await timed(() => proveProperty(il, p));
  const c = await timed(() => coverProperty(il, p));
  console.log(
    `${n}   | ${String(cone.cells).padStart(10)} | ${String(cone.ffBits).padStart(12)} | ${s(a.wall)} / ${s(a.cpu)}      | ${s(b.wall)} / ${s(b.cpu)}       | ${b.v.verdict.padEnd(8)} | ${s(c.wall)} / ${s(c.cpu)}  | ${c.v.steps ? c.v.steps.length - 1 : 'unreachable'}`,
  );
}
console.log('');
console.log('broken variant              | elaboration + failing proof (wall/cpu) | verdict | cex cycles');
for (const n of PROP_NAMES) {
  const v = mutantFor(n);
  const r = await timed(() => runProperties({ variant: v, properties: [n], cover: false }));
  const res = r.v[0]!;
  console.log(
    `${`${n} ${v.name}`.padEnd(27)} | ${s(r.wall)} / ${s(r.cpu)}                        | ${res.verdict.padEnd(7)} | ${res.counterexample ? res.counterexample.steps.length - 1 : '-'}`,
  );
}
const novt = await timed(() => runProperties({ gen: { vmImplemented: false }, cover: false }));
console.log('');
console.log(
  `VT off, six proofs: ${s(novt.wall)} s wall ${s(novt.cpu)} s cpu (${novt.v.map((r) => `${r.name} ${r.verdict}`).join(', ')})`,
);
console.log(`total: ${s(performance.now() - all0)} s wall, ${s(cpuMs() - cpu0)} s cpu (${cpus().length} cores)`);
