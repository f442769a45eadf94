// `vti emu PROGRAM.elf`: run a static IA-64 ELF on the golden-model emulator and print the
// final state as JSON (emulator.md). Logic lives in model/emulator.ts.
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { onlyWith } from '../args.js';
import { pendingFile, writeFileAtomic, type PendingFile } from '../../cache/atomic-write.js';
import { fsReason } from '../fs-errors.js';
import { ConfigError } from '../../arch/config.js';
import { Emulator, UnsupportedInstruction, type EmuOptions } from '../../model/emulator.js';
import { parseInterruptFlag } from '../interrupt-flag.js';

export const DEFAULT_MAX_STEPS = 10_000_000;

export const command: Command = {
  positionals: true,
  summary: 'run an IA-64 program on the golden-model emulator and print its final state',
  usage:
    'PROGRAM.elf [--vt on|off] [--valen N] [--palen N] [--guest-shrink K] [--max-steps N] [--state FILE] [--state-events] [--events FILE] [--trace FILE] [--interrupt STEP:VECTOR]...',
  flags: {
    vt: { type: 'choice', choices: ['on', 'off'], help: 'VT-i implemented', default: 'on' },
    valen: { type: 'int', help: 'implemented virtual-address bits, 51..61', default: 61, metavar: 'N' },
    palen: { type: 'int', help: 'implemented physical-address bits, 32..63', default: 63, metavar: 'N' },
    'guest-shrink': { type: 'int', help: 'guest IMPL_VA_MSB = valen - 1 - K', default: 1, metavar: 'K' },
    'max-steps': {
      type: 'int',
      help: 'stop after N instruction slots (not halted)',
      default: DEFAULT_MAX_STEPS,
      metavar: 'N',
    },
    state: { type: 'string', help: 'write the final-state JSON to FILE instead of stdout', metavar: 'FILE' },
    'state-events': {
      type: 'bool',
      help: 'include every interruption in the final state (memory grows with the run; default: only eventCount)',
    },
    events: { type: 'string', help: 'write one JSON object per interruption to FILE (streamed)', metavar: 'FILE' },
    trace: { type: 'string', help: 'write one JSON object per step to FILE', metavar: 'FILE' },
    interrupt: {
      type: 'string',
      repeatable: true,
      help: 'raise external interrupt VECTOR (0, 2, 16..255) before step STEP',
      metavar: 'STEP:VECTOR',
    },
  },
  async run(parsed) {
    const { flags, positional } = parsed;
    onlyWith(
      'emu',
      parsed,
      'guest-shrink',
      flags.vt === 'on',
      'applies only with --vt on (there is no guest without VT-i)',
    );
    if (positional.length === 0) throw new UserError('missing PROGRAM.elf argument');
    if (positional.length > 1) throw new UserError(`unexpected argument '${positional[1]}' (one program only)`);
    const file = positional[0]!;
    const maxSteps = flags['max-steps'] as number;
    if (maxSteps < 0 || !Number.isSafeInteger(maxSteps))
      throw new UserError(`--max-steps must be a non-negative integer, got ${maxSteps}`);
    const opts: EmuOptions = {
      vt: flags.vt === 'on',
      valen: flags.valen as number,
      palen: flags.palen as number,
      guestShrink: flags['guest-shrink'] as number,
      keepEvents: flags['state-events'] === true,
      interrupts: (parsed.lists?.interrupt ?? []).map(parseInterruptFlag),
    };
    let emu: Emulator;
    try {
      emu = new Emulator(opts);
    } catch (e) {
      if (e instanceof ConfigError) throw new UserError(e.describe('emuFlags')); // restated in terms of the flags
      throw e;
    }
    let bytes: Uint8Array;
    try {
      // A device or FIFO (/dev/zero) would be read forever: only regular files are programs.
      if (!statSync(file).isFile()) throw new UserError(`cannot read ${file}: not a regular file`);
      bytes = new Uint8Array(readFileSync(file));
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      emu.loadElf(bytes);
    } catch (e) {
      throw new UserError(`${file}: ${(e as Error).message}`);
    }
    const trace = flags.trace ? new JsonlWriter(flags.trace as string, 'trace') : null;
    if (trace)
      emu.onStep = (r) => {
        const o: Record<string, unknown> = { step: r.step, ip: r.ip, slot: r.slot, insn: r.insn, psr: r.psr };
        if (r.event) o.event = r.event;
        trace.write(o);
      };
    let events: JsonlWriter | null = null;
    try {
      events = flags.events ? new JsonlWriter(flags.events as string, 'events') : null;
    } catch (e) {
      trace?.abort();
      throw e;
    }
    if (events) {
      const out = events;
      // The final state's event fields (without the priority-table name), one line each.
      emu.onEvent = ({ name: _name, ...json }) => out.write(json);
    }
    try {
      emu.run(maxSteps);
      trace?.close();
      events?.close();
    } catch (e) {
      trace?.abort();
      events?.abort();
      if (e instanceof UnsupportedInstruction) throw new UserError(`${file}: ${e.message}`);
      throw e;
    }
    const json = JSON.stringify(emu.state(), null, 2) + '\n';
    if (flags.state) writeFileAtomic(flags.state as string, json);
    else process.stdout.write(json);
    return 0;
  },
};

/**
 * Buffered JSONL writer (--trace: {step, ip, slot, insn, psr} plus "event" when an interruption
 * is taken; --events: one final-state event object per interruption). Lines are streamed to a
 * temporary name in constant memory; the file appears (renamed) only when the run completes.
 */
class JsonlWriter {
  private readonly fd: number;
  private readonly pending: PendingFile;
  private buf: string[] = [];
  constructor(
    private readonly file: string,
    private readonly what: 'trace' | 'events',
  ) {
    this.pending = pendingFile(file);
    try {
      this.fd = openSync(this.pending.tmp, 'w');
    } catch (e) {
      throw new UserError(`cannot write ${what} ${file}: ${fsReason(e) ?? (e as Error).message}`);
    }
  }
  write(o: object): void {
    this.buf.push(JSON.stringify(o));
    if (this.buf.length >= 4096) this.flush();
  }
  private flush(): void {
    if (!this.buf.length) return;
    try {
      writeSync(this.fd, this.buf.join('\n') + '\n');
    } catch (e) {
      throw new UserError(`cannot write ${this.what} ${this.file}: ${fsReason(e) ?? (e as Error).message}`);
    }
    this.buf = [];
  }
  close(): void {
    try {
      this.flush();
      closeSync(this.fd);
      this.pending.commit();
    } catch (e) {
      this.abort();
      throw e instanceof UserError
        ? e
        : new UserError(`cannot write ${this.what} ${this.file}: ${fsReason(e) ?? (e as Error).message}`);
    }
  }
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {}
    this.pending.abort();
  }
}
