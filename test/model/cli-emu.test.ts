// `vti emu` end to end: final-state JSON, --state, --trace JSONL, exit codes and the exact
// one-line errors of emulator.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.js';
import { PSR, disposeWorkdir, enter, runAsm, workdir } from './harness.js';

afterAll(disposeWorkdir);

function vti(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'emu', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** In-process run of `vti emu` (for the error cases), capturing stdout and stderr. */
async function vtiIn(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '',
    err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await main(['emu', ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('vti emu', () => {
  it('--interrupt STEP:VECTOR raises external interrupts at those steps (repeatable)', async () => {
    // The rfi is step 17, PSR.i = 1 from step 18 (mov r8 = 1) on: the first is taken at step
    // 19, before mov r9; the handler (the zero bundle at IVA + 0x3000) halts before step 25.
    const { elf } = runAsm(enter(PSR.ic | PSR.i, 'on') + '\tmov r8=1\n\t;;\n\tmov r9=2\n\t;;\n\tmov r10=3\n\t;;\n');
    const r = await vtiIn(elf, '--state-events', '--interrupt', '19:0x40', '--interrupt', '25:200');
    expect([r.code, r.err]).toEqual([0, '']);
    const st = JSON.parse(r.out);
    expect(st.events.map((e: { step: number; vector: string }) => [e.step, e.vector])).toEqual([[19, '0x3000']]);
    expect(st.ip).toBe('0x203000');
    expect(st.gr.slice(8, 10)).toEqual(['0x1', '0x0']);
  });

  it('prints the final state, writes --state and --trace (with the interruption event)', () => {
    const { elf } = runAsm(enter(PSR.vm, 'guest') + '\tssm 0x4000\n');
    const out = vti(elf, '--state-events');
    expect(out.err).toBe('');
    expect(out.code).toBe(0);
    const st = JSON.parse(out.out);
    expect(st.halted).toBe(true);
    expect(st.events[0].vector).toBe('0x6100');
    const stateFile = workdir().path('state.json'),
      traceFile = workdir().path('trace.jsonl');
    const r = vti(elf, '--state', stateFile, '--trace', traceFile, '--state-events');
    expect([r.code, r.out]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual(st);
    const lines = readFileSync(traceFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(st.steps);
    expect(Object.keys(lines[0])).toEqual(['step', 'ip', 'slot', 'insn', 'psr']);
    const withEvent = lines.filter((l) => l.event);
    expect(withEvent.length).toBe(1);
    expect(withEvent[0].insn).toBe('ssm 0x4000');
    expect(withEvent[0].event).toEqual({ ...st.events[0], name: 'virtualization' });
  });

  it('streams --events as JSON Lines; the final state carries only eventCount unless --state-events', () => {
    // Three Break Instruction faults, each resumed after its bundle by the handler at IVA + 0x2c00.
    const handler = `\t.section .ivt,"ax"\n\t.org 0x2c00\n\tmov r16=cr.iip\n\tmov r17=cr.ipsr\n\t;;\n\tadds r16=16,r16\n\tdep r17=0,r17,41,2\n\t;;\n\tmov cr.iip=r16\n\tmov cr.ipsr=r17\n\t;;\n\trfi\n\t;;\n\t.text\n`;
    const body = `\tssm 0x2000\n\t;;\n\tsrlz.d\n\t;;\n${'\t{ .mii\n\tnop.m 0\n\tadds r8=1,r8\n\tbreak.i 7 ;; }\n'.repeat(3)}`;
    const w = workdir();
    const src = `\t.text\n\t.global _start\n_start:\n\tmovl r2=0x200000\n\t;;\n\tmov cr.iva=r2\n\t;;\n${body}\tbreak.i 0\n\t;;\n${handler}`;
    const elf = w.build('evloop', src, 0x100000n, ['--section-start=.ivt=0x200000']);
    const eventsFile = w.path('events.jsonl');
    const r = vti(elf, '--events', eventsFile);
    expect([r.code, r.err]).toEqual([0, '']);
    const st = JSON.parse(r.out);
    expect(st.events).toBeUndefined();
    expect(st.eventCount).toBe(3);
    expect(BigInt(st.gr[8])).toBe(3n);
    const lines = readFileSync(eventsFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.vector, l.slot])).toEqual([
      ['0x2c00', 2],
      ['0x2c00', 2],
      ['0x2c00', 2],
    ]);
    expect(new Set(lines.map((l) => l.ip)).size).toBe(3);
    const full = JSON.parse(vti(elf, '--state-events').out);
    expect(full.events).toEqual(lines);
    expect({ ...full, events: undefined }).toEqual({ ...st, events: undefined });
  });

  it('--max-steps stops without halting; --vt off and address widths are honoured', () => {
    const { elf } = runAsm('\tmov r28=8\n\t;;\n\tbreak.m 0xca11\n\t;;\n1:\tbr.few 1b\n\t;;', { bare: true });
    const r = vti(elf, '--max-steps', '100', '--valen', '55', '--vt', 'off');
    expect(r.code).toBe(0);
    const st = JSON.parse(r.out);
    expect([st.halted, st.steps]).toEqual([false, 100]);
    expect(BigInt(st.gr[10]) & 0xffn).toBe(54n);
  });

  it('fails with one line on a bad ELF, an unsupported instruction, or bad flags', async () => {
    const junk = workdir().path('junk.elf');
    writeFileSync(junk, 'not an elf at all, but long enough to hold an ELF64 header.............');
    expect(vti(junk)).toEqual({ code: 1, out: '', err: `vti emu: ${junk}: bad ELF: no ELF magic number\n` });
    expect(await vtiIn(junk)).toEqual({ code: 1, out: '', err: `vti emu: ${junk}: bad ELF: no ELF magic number\n` });
    const w = workdir();
    // An MFI bundle whose F slot is fclrf.s0 with an unused field (bit 36) set: rejected by the
    // model's FP reject rule (model/README.md); hint.f now executes.
    const fp = w.build(
      'fpcli',
      '\t.text\n\t.global _start\n_start:\n\t.byte 0x0c,0,0,0,0x01,0,0,0,0,0x0a,0x04,0,0,0,0x04,0\n',
    );
    const u = await vtiIn(fp);
    expect(u.code).toBe(1);
    expect(u.err).toMatch(
      new RegExp(
        `^vti emu: ${fp.replace(/[.]/g, '\\.')}: unsupported instruction at 0x100000 slot 1: encoding 0x[0-9a-f]{11} \\(fclrf with nonzero reserved fields\\)\\n$`,
      ),
    );
    expect((await vtiIn(fp, '--valen', '70')).err).toBe('vti emu: --valen 70 is out of range: allowed 51..61\n');
    expect((await vtiIn(fp, '--valen', '51')).err).toBe(
      'vti emu: --valen 51 with --guest-shrink 1 leaves no room for a guest: guest IMPL_VA_MSB 49 is below 50 (needs valen - 1 - guest-shrink >= 50 with --vt on)\n',
    );
    expect(await vtiIn(fp, '--vt', 'maybe')).toEqual({
      code: 2,
      out: '',
      err: "vti emu: option '--vt' must be one of on, off, got 'maybe'\n",
    });
    expect(await vtiIn()).toEqual({ code: 1, out: '', err: 'vti emu: missing PROGRAM.elf argument\n' });
    expect((await vtiIn('/nonexistent.elf')).err).toBe('vti emu: cannot read /nonexistent.elf: ENOENT\n');
  });
});
