// Compiled bundles are shared by content across Emulator instances (model/exec/bundle-cache.ts):
// a second emulator running the same code compiles nothing, and a shared closure still
// follows its own machine's configuration (what is reserved in IPSR depends on whether
// PSR.vm is implemented, i.e. `--vt on|off`).
import { afterAll, describe, expect, it } from 'vitest';
import { compiledBundleStats } from '../../model/exec/bundle-cache.js';
import { disposeWorkdir, hex, runAsm } from './harness.js';

afterAll(disposeWorkdir);

const VM = 1n << 46n;
/** General Exception vector (Reserved Register/Field fault, ISR.code 0x30). */
const GENERAL_EXCEPTION = '0x5400';

// IPSR with PSR.vm set: a plain value where vm is implemented, a reserved field where not.
const body = `
	movl r2=${hex(VM)}
	;;
	mov cr.ipsr=r2
	;;
	mov r8=7
	;;`;

describe('compiled bundles shared across emulators', () => {
  it('a second emulator running the same code compiles no bundle', () => {
    runAsm(`${body}\n\tmov r9=11\n\t;;`, { vt: true });
    const compiled = compiledBundleStats.compiled,
      hits = compiledBundleStats.hits;
    const { st } = runAsm(`${body}\n\tmov r9=11\n\t;;`, { vt: true });
    expect(compiledBundleStats.compiled).toBe(compiled);
    expect(compiledBundleStats.hits).toBeGreaterThan(hits);
    expect(st.events).toEqual([]);
    expect(BigInt(st.gr[9]!)).toBe(11n);
  });

  it('a shared closure checks IPSR against its own machine (vt on, then off, then on)', () => {
    for (const vt of [true, false, true]) {
      const { st } = runAsm(body, { vt });
      if (vt) {
        expect(st.events).toEqual([]);
        expect(BigInt(st.cr.ipsr) & VM).toBe(VM);
        expect(BigInt(st.gr[8]!)).toBe(7n);
      } else {
        expect(st.events.map((e) => e.vector)).toEqual([GENERAL_EXCEPTION]);
        expect(BigInt(st.events[0]!.isr) & 0xffn).toBe(0x30n);
      }
    }
  });
});
