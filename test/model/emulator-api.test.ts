// The Emulator API contract: configuration and ELF errors (exact text), the unsupported-
// instruction stop, the final-state schema of emulator.md and the per-step trace hook.
import { afterAll, describe, expect, it } from 'vitest';
import { Emulator, UnsupportedInstruction, type StepEvent, type TraceRecord } from '../../model/emulator.js';
import { PSR, disposeWorkdir, enter, runAsm, workdir } from './harness.js';

afterAll(disposeWorkdir);

describe('configuration', () => {
  it('rejects out-of-range and guest-less configurations with a clear message', () => {
    expect(() => new Emulator({ valen: 70 })).toThrow(
      'bad emulator configuration: valen 70 is out of range: allowed 51..61',
    );
    expect(() => new Emulator({ palen: 31 })).toThrow(
      'bad emulator configuration: palen 31 is out of range: allowed 32..63',
    );
    expect(() => new Emulator({ valen: 51 })).toThrow(
      'bad emulator configuration: no room for a guest: IMPL_VA_MSB 50 - guestShrink 1 = 49 is below 50',
    );
    expect(() => new Emulator({ valen: 51, vt: false })).not.toThrow();
    expect(() => new Emulator({ guestShrink: 0 })).toThrow('guestShrink 0 is out of range: must be an integer >= 1');
  });
});

describe('ELF loading', () => {
  const elfOf = () => workdir().read(runAsm('\tmov r8=1\n', { bare: true }).elf);

  it('reports a bad ELF clearly', () => {
    const e = new Emulator();
    expect(() => e.loadElf(new Uint8Array(100))).toThrow('bad ELF: no ELF magic number');
    expect(() => e.loadElf(new Uint8Array(10))).toThrow('bad ELF: file is 10 bytes, shorter than an ELF64 header');
    const x86 = elfOf();
    x86[18] = 62;
    x86[19] = 0;
    expect(() => e.loadElf(x86)).toThrow('bad ELF: not an IA-64 executable (e_machine 62, expected 50)');
    const rel = elfOf();
    rel[16] = 1;
    expect(() => e.loadElf(rel)).toThrow('bad ELF: not a static executable (e_type 1, expected ET_EXEC = 2)');
  });

  it('starts at the entry point with the reset state', () => {
    const e = new Emulator();
    e.loadElf(elfOf());
    const s = e.state();
    expect(s.ip).toBe('0x100000');
    expect([s.slot, s.steps, s.halted, s.psr, s.pr]).toEqual([0, 0, false, '0x0', '0x1']);
  });
});

describe('unsupported instructions', () => {
  it('stop the run with an error naming the address, slot and encoding', () => {
    const w = workdir();
    // An MFI bundle whose F slot is fclrf.s0 with bit 36 (an unused field) set: objdump prints
    // fclrf, the model rejects it (model/README.md, the FP reject rule; hint.f now executes).
    const bytes = '0x0c,0x00,0x00,0x00,0x01,0x00,0x00,0x00,0x00,0x0a,0x04,0x00,0x00,0x00,0x04,0x00';
    const elf = w.build('fp', `\t.text\n\t.global _start\n_start:\n\t.byte ${bytes}\n`);
    const e = new Emulator();
    e.loadElf(w.read(elf));
    let err: unknown;
    try {
      e.run(10);
    } catch (x) {
      err = x;
    }
    expect(err).toBeInstanceOf(UnsupportedInstruction);
    const u = err as UnsupportedInstruction;
    expect([u.address, u.slot]).toEqual([0x100000n, 1]);
    expect(u.message).toMatch(
      /^unsupported instruction at 0x100000 slot 1: encoding 0x[0-9a-f]{11} \(fclrf with nonzero reserved fields\)$/,
    );
    // The encoding is bits 86:46 of the bundle.
    const bundle = e.machine.mem.readBytes(0x100000n, 16);
    const v = [...bundle].reverse().reduce((a, x) => (a << 8n) | BigInt(x), 0n);
    expect(u.encoding).toBe('0x' + ((v >> 46n) & ((1n << 41n) - 1n)).toString(16).padStart(11, '0'));
    expect(e.state().steps).toBe(1);
  });
});

describe('final state and trace', () => {
  it('has the emulator.md schema', () => {
    const { st } = runAsm('\tmov r8=5\n');
    expect(Object.keys(st)).toEqual([
      'halted',
      'steps',
      'ip',
      'slot',
      'psr',
      'cr',
      'gr',
      'nat',
      'pr',
      'br',
      'eventCount',
      'events',
    ]);
    expect(Object.keys(st.cr)).toEqual([
      'dcr',
      'itm',
      'iva',
      'pta',
      'ipsr',
      'isr',
      'iip',
      'ifa',
      'itir',
      'iipa',
      'ifs',
      'iim',
      'iha',
      'iib0',
      'iib1',
    ]);
    expect(st.gr.length).toBe(128);
    expect(st.nat.length).toBe(128);
    expect(st.br.length).toBe(8);
    expect(st.gr[8]).toBe('0x5');
    expect(st.cr.iva).toBe('0x200000');
    for (const v of [...st.gr, ...st.br, st.psr, st.pr, st.ip]) expect(v).toMatch(/^0x[0-9a-f]+$/);
  });

  it('nextInsn decodes the instruction the next step executes, without executing it', () => {
    const e = new Emulator();
    e.loadElf(workdir().read(runAsm('\tadds r8=5,r9\n', { bare: true }).elf));
    const i = e.nextInsn()!;
    expect([i.op, i.r1, i.r3, i.imm]).toEqual(['addi', 8, 9, 5n]);
    expect(e.state().steps).toBe(0);
  });

  it('onEvent streams each interruption; without keepEvents state() reports only eventCount', () => {
    const { elf, st } = runAsm(enter(PSR.vm, 'guest') + '\tssm 0x4000\n\t;;\n\tssm 0x4000\n');
    const e = new Emulator();
    e.loadElf(workdir().read(elf));
    const seen: StepEvent[] = [];
    e.onEvent = (ev) => seen.push(ev);
    e.run(1000);
    const s = e.state();
    expect(s.events).toBeUndefined();
    expect(st.events.length).toBeGreaterThan(0);
    expect(s.eventCount).toBe(st.events.length);
    expect(seen.map(({ name: _n, ...json }) => json)).toEqual(st.events);
    expect(seen[0]!.name).toBe('virtualization');
    expect(() => e.recordedState()).toThrow(/keepEvents/);
  });

  it('onStep reports every step with disassembly, PSR and the interruption taken', () => {
    const { elf } = runAsm(enter(PSR.vm, 'guest') + '\tssm 0x4000\n');
    const e = new Emulator({ keepEvents: true });
    e.loadElf(workdir().read(elf));
    const recs: TraceRecord[] = [];
    e.onStep = (r) => recs.push(r);
    const r = e.run(1000);
    expect(recs.length).toBe(r.steps);
    expect(recs.map((x) => x.step)).toEqual(recs.map((_, i) => i));
    const last = recs.find((x) => x.event)!;
    expect(last.insn).toBe('ssm 0x4000');
    expect(last.op).toBe('ssm');
    expect(last.event!.vector).toBe('0x6100');
    expect(last.event!.name).toBe('virtualization');
    expect([last.cplBefore, last.vmBefore, last.vm]).toEqual([0, 1, 0]);
    expect(last.nextIp).toBe('0x206100');
    expect(e.recordedState().events[0]!.step).toBe(last.step);
  });
});
