// The Yosys gate (formal/gate.ts) of one sweep point in its own process, so that the sweep can
// stop it after a time limit: Yosys runs as WASM inside the calling thread and cannot be
// interrupted there. Started by bench/gen/sweep-check.ts with the path of a JSON file
// { files, top }; prints one JSON line { ok, problems, cpuMs }.
import { readFileSync } from 'node:fs';
import { yosysGate } from '../../formal/gate.js';

export interface GateReply {
  readonly ok: boolean;
  readonly problems: readonly { readonly message: string }[];
  /** CPU time of this process (user + system) in ms, WASM compile included. */
  readonly cpuMs: number;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: tsx bench/gen/sweep-gate.ts <point.json>');
  process.exit(2);
}
const { files, top } = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, string>; top: string };
const r = await yosysGate(files, top);
const cpu = process.cpuUsage();
const reply: GateReply = { ok: r.ok, problems: r.problems, cpuMs: (cpu.user + cpu.system) / 1000 };
console.log(JSON.stringify(reply));
