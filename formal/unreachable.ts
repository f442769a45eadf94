// Unreachability analysis of uncovered toggle points: for each signal bit a simulation never
// toggled, ask Yosys `sat` whether the bit is constant over every reachable state. A proven
// constant bit can never toggle (count >= 2), so its point is excluded from the reachable
// total; a failed proof (counterexample), an induction that does not close, a timeout or a
// point that cannot be mapped to a netlist wire leaves the point a hole. Only a completed
// proof classifies a point as unreachable.
//
// The claim per bit: its value is the one the simulation ended on (Verilator counts changes
// from an initial 0, so an even count means 0, odd 1) —
//   combinational design: for all inputs (`sat -prove <bit> <v>`);
//   sequential design (a `rst` input): in every cycle from the first reset on, by temporal
//   induction from reset exactly as formal/props/sat.ts proves properties: step 1 forces rst
//   and is not checked, registers before it are free, rst is free in every later step
//   (`sat -tempinduct -prove <bit> <v> -seq 1 -set-at 1 rst 1 -maxsteps K`).
// The design is elaborated and flattened with its top (proc; flatten; memory; opt_clean keeps
// every public wire), so a submodule point `u_psr.psr_q[3]` is proved in the context of the
// top's real inputs, not of the submodule's free ones. One Yosys run reads the design and lists
// its wires; then a Houdini loop: one sat proves the conjunction of all open claims, and each
// counterexample drops the claims it violates (reachable: a trace from reset or inputs; an
// induction step that does not close: not inductive, unknown) until the rest is proven.
import { inductionLength, yosys, YosysError } from './yosys.js';
import { waveSteps } from './cex.js';

export interface TogglePointRef {
  /** Identity of the point (CoveragePoint.key). */
  readonly key: string;
  /** Verilator's signal bit name: `psr[33]` or `illegal_op`. */
  readonly name: string;
  /** Instance paths within the top, one per instance the point's count combines: [] = the top itself, ['u_psr'] = a submodule. */
  readonly instances: readonly (readonly string[])[];
  readonly count: number;
}

export type Reachability =
  | { readonly verdict: 'unreachable'; readonly value: 0 | 1; readonly proof: string }
  | { readonly verdict: 'hole'; readonly why: string };

export interface UnreachableOptions {
  /** Largest induction length tried (sequential designs). */
  readonly maxSteps?: number;
  /** Seconds a single SAT instance may take (`sat -timeout`); a timeout leaves the point a hole. */
  readonly timeout?: number;
  /** Most sat runs of the Houdini loop before the open claims are left unknown. */
  readonly maxRounds?: number;
  /** Run each sat on the claimed wires' fan-in cone only (default true; false: the whole design). */
  readonly cone?: boolean;
  /** Wall-time budget of the analysis in seconds (default 180): claims still open then are left unknown. */
  readonly budgetSeconds?: number;
}

export interface UnreachableResult {
  readonly top: string;
  readonly sequential: boolean;
  readonly byKey: ReadonlyMap<string, Reachability>;
  /** Yosys runs and their wall time. */
  readonly runs: number;
  readonly ms: number;
  readonly satCalls: number;
}

interface JsonNet {
  bits: (number | string)[];
  offset?: number;
  upto?: number;
  hide_name?: number;
}
interface JsonModule {
  ports: Record<string, { direction: string; bits: unknown[] }>;
  cells: Record<string, { type: string }>;
  netnames: Record<string, JsonNet>;
}

/** `psr[33]` → { base: 'psr', bit: 33 }; `illegal_op` → { base: 'illegal_op' }; anything else null. */
export function parseToggleName(name: string): { base: string; bit?: number } | null {
  const m = /^([A-Za-z_][\w$]*)(?:\[(\d+)\])?$/.exec(name);
  if (!m) return null;
  return m[2] === undefined ? { base: m[1]! } : { base: m[1]!, bit: Number(m[2]) };
}

interface Claim {
  readonly key: string;
  readonly sig: string;
  readonly value: 0 | 1;
}

type SatOutcome = { ok: true; proof: string } | { ok: false; why: string };

function outcome(seg: string, sequential: boolean, maxSteps: number): SatOutcome {
  if (sequential) {
    if (/Induction step proven: SUCCESS!/.test(seg)) {
      return { ok: true, proof: `constant from reset, temporal induction k = ${inductionLength(seg)}` };
    }
    if (/model found for base case: FAIL!/.test(seg))
      return { ok: false, why: 'reachable: sat found a trace from reset that changes it' };
    if (/timeout/i.test(seg)) return { ok: false, why: 'unknown: sat timed out' };
    if (/Reached maximum number of time steps/.test(seg))
      return { ok: false, why: `unknown: induction did not close within k = ${maxSteps}` };
    return { ok: false, why: 'unknown: no verdict in the sat log' };
  }
  if (/SAT proof finished - no model found: SUCCESS!/.test(seg))
    return { ok: true, proof: 'constant for all inputs (sat)' };
  if (/SAT proof finished - model found: FAIL!/.test(seg))
    return { ok: false, why: 'reachable: sat found inputs that change it' };
  if (/timeout/i.test(seg)) return { ok: false, why: 'unknown: sat timed out' };
  return { ok: false, why: 'unknown: no verdict in the sat log' };
}

/**
 * Classifies uncovered toggle points of design `top` (Verilog `files`). Every point gets a
 * verdict; `unreachable` only from a completed proof for every instance of the point.
 */
export async function proveTogglesUnreachable(
  files: Readonly<Record<string, string>>,
  top: string,
  points: readonly TogglePointRef[],
  o: UnreachableOptions = {},
): Promise<UnreachableResult> {
  const maxSteps = o.maxSteps ?? 4,
    timeout = o.timeout ?? 20;
  const t0 = performance.now();
  let runs = 0,
    satCalls = 0;
  const names = Object.keys(files)
    .filter((n) => /\.s?v$/.test(n))
    .sort();
  const inv = await yosys(
    [
      `read_verilog ${names.join(' ')}`,
      `hierarchy -check -top ${top}`,
      'proc',
      'flatten',
      'memory',
      'opt_clean',
      'write_rtlil design.il',
      'write_json design.json',
    ].join('\n'),
    files,
  );
  runs++;
  const il = inv.files['design.il']!;
  const mod = (JSON.parse(inv.files['design.json']!) as { modules: Record<string, JsonModule> }).modules[top];
  if (!mod) throw new Error(`unreachability: top module '${top}' missing after elaboration`);
  const hasFf = Object.values(mod.cells).some((c) => /dff|dlatch|\$ff\b|\$sr\b/i.test(c.type));
  const hasRst = mod.ports.rst?.direction === 'input' && mod.ports.rst.bits.length === 1;
  const sequential = hasFf;
  const byKey = new Map<string, Reachability>();
  if (sequential && !hasRst) {
    for (const p of points)
      byKey.set(p.key, { verdict: 'hole', why: `unknown: ${top} has registers but no rst input to induct from` });
    return { top, sequential, byKey, runs, ms: performance.now() - t0, satCalls };
  }

  // Map each point (and each of its instances) to a netlist bit.
  const claims = new Map<string, Claim[]>();
  for (const p of points) {
    const n = parseToggleName(p.name);
    const why = !n
      ? `not mapped: '${p.name}' is not a plain signal bit`
      : p.instances.length === 0
        ? 'not mapped: no instance path'
        : undefined;
    if (why) {
      byKey.set(p.key, { verdict: 'hole', why });
      continue;
    }
    const value = (p.count % 2) as 0 | 1;
    const cs: Claim[] = [];
    let missing: string | undefined;
    for (const inst of p.instances) {
      const wire = [...inst, n!.base].join('.');
      const net = mod.netnames[wire];
      const off = net?.offset ?? 0,
        w = net?.bits.length ?? 0;
      const ok = net !== undefined && (n!.bit === undefined ? w === 1 : n!.bit >= off && n!.bit < off + w);
      if (!ok) {
        missing = wire;
        break;
      }
      cs.push({ key: p.key, sig: n!.bit === undefined ? wire : `${wire}[${n!.bit}]`, value });
    }
    if (missing !== undefined) {
      byKey.set(p.key, {
        verdict: 'hole',
        why: `not mapped: no wire bit '${missing}${n!.bit === undefined ? '' : `[${n!.bit}]`}' in the flattened netlist`,
      });
      continue;
    }
    claims.set(p.key, cs);
  }

  // Houdini: prove the conjunction of every open claim in one sat; a counterexample (a trace
  // from reset, or inputs) shows which claims it violates: those are reachable and leave the
  // set; repeat until the rest is proven or nothing can be dropped. Under induction a failed
  // step that never closes (within maxSteps) names the claims that are not inductive: they
  // leave as unknown. What remains at a SUCCESS is proven jointly (each claim holds, since
  // their conjunction does).
  const quote = (s: string) => (/^[\w.$[\]]+$/.test(s) ? s : `"${s}"`);
  const wireOf = (sig: string) => sig.replace(/\[\d+\]$/, '');
  const bitOf = (sig: string) => {
    const m = /\[(\d+)\]$/.exec(sig);
    return m ? Number(m[1]) : undefined;
  };
  const offsets = new Map(Object.entries(mod.netnames).map(([n, net]) => [n, net.offset ?? 0]));
  const verdict = new Map<string, string>(); // claim sig → proof, or '!' + why
  /** Whether a trace step shows claim c's bit at a defined value other than the claimed one. */
  const bitDiffers = (st: ReadonlyMap<string, { bin: string }>, c: Claim): boolean => {
    const v = st.get(wireOf(c.sig));
    if (!v) return false;
    const b = bitOf(c.sig);
    const idx = b === undefined ? 0 : b - (offsets.get(wireOf(c.sig)) ?? 0);
    const ch = v.bin[v.bin.length - 1 - idx];
    return ch === '0' || ch === '1' ? Number(ch) !== c.value : false;
  };
  let open = [...new Map([...claims.values()].flat().map((c) => [c.sig, c])).values()];
  // A bit that is (an alias of) a primary input bit is free: reachable without a proof.
  const inputBits = new Set(
    Object.values(mod.ports)
      .filter((p) => p.direction === 'input')
      .flatMap((p) => p.bits.filter((b) => typeof b === 'number')),
  );
  open = open.filter((c) => {
    const net = mod.netnames[wireOf(c.sig)]!;
    const b = bitOf(c.sig);
    const id = net.bits[b === undefined ? 0 : b - (net.offset ?? 0)];
    if (typeof id === 'number' && inputBits.has(id)) {
      verdict.set(c.sig, '!reachable: a free input bit of the top');
      return false;
    }
    return true;
  });
  const maxRounds = o.maxRounds ?? 200,
    budget = (o.budgetSeconds ?? 180) * 1000;
  // Groups: claims of one submodule instance together (their Houdini strengthens each other),
  // claims on top-level wires one group per wire. Each group runs its own Houdini loop on the
  // whole design, so a group's counterexamples only drop its own claims and a group that
  // settles is not held back by the others. Smallest groups first; each gets an equal share of
  // the budget left. Each sat runs on the claimed wires' transitive fan-in cone only
  // (`select -set cone w:a w:b %u .. %ci*`, through flip-flops, `sat .. @cone`): a cell left
  // out could only free a signal (over-approximation), so a proof stays sound; the cone keeps
  // each instance small. (E.g. dcr_q[5] of vti_core is proven 0: a reserved DCR bit, a mov to
  // DCR that sets it is a Reserved Register/Field fault and writes nothing.)
  const groupOf = (sig: string) => {
    const w = wireOf(sig);
    const i = w.indexOf('.');
    return i > 0 ? w.slice(0, i) : w;
  };
  const groups = new Map<string, Claim[]>();
  for (const c of open) {
    const g = groupOf(c.sig);
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(c);
  }
  const order = [...groups].sort((x, y) => x[1].length - y[1].length || (x[0] < y[0] ? -1 : 1));
  for (let gi = 0; gi < order.length; gi++) {
    const [gname, gclaims] = order[gi]!;
    const g0 = performance.now();
    const deadline = g0 + Math.max(0, budget - (g0 - t0)) / (order.length - gi);
    let gopen = gclaims;
    for (let round = 0; gopen.length > 0; round++) {
      const spent = performance.now() - g0;
      if (round >= maxRounds || performance.now() > deadline) {
        for (const c of gopen)
          verdict.set(
            c.sig,
            `!unknown: not settled within ${round} sat rounds (${(spent / 1000).toFixed(0)} s of this group's budget, ${gname})`,
          );
        break;
      }
      const wires = [...new Set(gopen.map((c) => wireOf(c.sig)))];
      const cone =
        o.cone === false
          ? ''
          : `select -set cone ${wires.map((w, i) => `w:${quote(w)}${i > 0 ? ' %u' : ''}`).join(' ')}${sequential ? ' w:rst %u' : ''} %ci*\n`;
      const cmd =
        cone +
        `sat ${sequential ? `-tempinduct -seq 1 -set-at 1 rst 1 -maxsteps ${maxSteps} ` : ''}-timeout ${timeout} ` +
        gopen.map((c) => `-prove ${quote(c.sig)} ${c.value}`).join(' ') +
        ' ' +
        wires.map((w) => `-show ${quote(w)}`).join(' ') +
        ` -dump_json trace.json ${o.cone === false ? top : '@cone'}`;
      let log: string, trace: string | undefined;
      try {
        const r = await yosys(`read_rtlil design.il\n${cmd}`, { 'design.il': il });
        log = r.stdout;
        trace = r.files['trace.json'];
      } catch (e) {
        if (!(e instanceof YosysError)) throw e;
        for (const c of gopen) verdict.set(c.sig, `!unknown: yosys stopped (${e.errors[0] ?? e.command})`);
        runs++;
        satCalls++;
        break;
      }
      runs++;
      satCalls++;
      const res = outcome(log, sequential, maxSteps);
      if (res.ok) {
        for (const c of gopen)
          verdict.set(
            c.sig,
            gopen.length > 1 ? `${res.proof}, jointly with ${gopen.length - 1} other claimed bit(s)` : res.proof,
          );
        break;
      }
      const reachable = res.why.startsWith('reachable');
      // Values of the claimed bits at the steps the proof checks (base case: steps >= 2 of the
      // trace from reset; induction: the last step; combinational: the one model).
      const steps = trace ? waveSteps(trace, sequential) : [];
      const checked = !sequential ? steps : reachable ? steps.slice(1) : steps.slice(-1);
      const violated = gopen.filter((c) => checked.some((st) => bitDiffers(st, c)));
      if (violated.length === 0) {
        for (const c of gopen)
          verdict.set(
            c.sig,
            `!${res.why}${gopen.length > 1 ? ` (jointly with ${gopen.length - 1} other bit(s); the trace names none)` : ''}`,
          );
        break;
      }
      const why = reachable ? res.why : `${res.why}: not inductive with the other claims`;
      for (const c of violated) verdict.set(c.sig, `!${why}`);
      const gone = new Set(violated.map((c) => c.sig));
      gopen = gopen.filter((c) => !gone.has(c.sig));
    }
  }
  const proven = verdict;

  for (const [key, cs] of claims) {
    const failed = cs.find((c) => proven.get(c.sig)?.startsWith('!'));
    if (failed)
      byKey.set(key, {
        verdict: 'hole',
        why: `${proven.get(failed.sig)!.slice(1)}${cs.length > 1 ? ` (${failed.sig})` : ''}`,
      });
    else
      byKey.set(key, {
        verdict: 'unreachable',
        value: cs[0]!.value,
        proof: `${cs.map((c) => c.sig).join(', ')} = ${cs[0]!.value}, ${proven.get(cs[0]!.sig)}`,
      });
  }
  return { top, sequential, byKey, runs, ms: performance.now() - t0, satCalls };
}
