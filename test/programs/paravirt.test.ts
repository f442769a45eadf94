// c. paravirt: the same workload through the VMM's vmsw page: no interruption on the hot path.
import { describe, expect, it } from 'vitest';
import { emulatorAvailable } from '../../model/demo/emu.js';
import { runProgram } from '../../model/demo/run.js';
import { BN, DT, I, IC, IT, VMM_BASE, dump, evTuples, gr } from './helpers.js';

const N = 4n;

describe.skipIf(!emulatorAvailable())('paravirt (vmsw.0 / vmsw.1 hot path)', () => {
  it('takes no interruption but the exit hypercall', async () => {
    const r = await runProgram('paravirt', { vt: true });
    expect(r.state.halted).toBe(true);
    expect(evTuples(r.state)).toEqual([[0x2c00n, 0n, r.sym('workload_end'), 0n]]);
  });

  it('gives the guest the same results as trap-and-emulate', async () => {
    const r = await runProgram('paravirt', { vt: true });
    const s = r.state;
    expect(gr(s, 8)).toBe(N);
    expect(gr(s, 9)).toBe(N * 1000n);
    expect(gr(s, 11)).toBe(IT | DT | I | IC);
    expect(gr(s, 12)).toBe(N);
    // ABI scratch after the last entry (pv_set_psr_l's PV_RETURN): r2 = &counter, r3 = counter
    expect(gr(s, 2)).toBe(VMM_BASE + 8n);
    expect(gr(s, 3)).toBe(6n * N);
    // b0: return address of the last br.call, the bundle after the sixth call
    expect(BigInt(s.br[0]!)).toBe(r.sym('workload_loop') + 0x60n);
    const d = dump(s);
    expect(d.err).toBe(0n);
    expect(d.vpsr).toBe(BN | IT | DT | I | IC);
    expect(d.vitm).toBe(N * 1000n);
    expect(d.emulated).toBe(6n * N);
  });
});
