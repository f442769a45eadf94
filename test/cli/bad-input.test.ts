// The bad-input corpus of the `vti` command line (issue 15): every command × every class of
// bad input — unknown, misplaced, duplicate and flag-as-value flags, missing values, stray
// arguments, options outside their mode, numbers negative / non-integer / beyond 2^53 / out of
// range, unusable paths (a file where a folder is needed, a folder where a file is, a missing
// folder, a device) — each answered by exactly one line on stderr and the documented exit code
// (2 usage, 1 user error), nothing on stdout, no stack trace, no hang. Rows run in-process
// through cli/main.ts; the process-level rows (exit 70 with a saved report, a closed or a full
// stdout) run the real bin/vti.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';
import { writeFilesAtomic } from '../../cache/atomic-write.js';
import { buildProgram } from '../../programs/build.js';
import { Workdir } from '../model/binutils.js';

const work = mkdtempSync(join(tmpdir(), 'vti-bad-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const aFile = join(work, 'a-file');
writeFileSync(aFile, 'not a folder\n');
const junkElf = join(work, 'junk.elf');
writeFileSync(junkElf, 'not an elf at all, but long enough to hold an ELF64 header.............');
const missing = join(work, 'no', 'such', 'folder');

// Hostile ELF files: a real program with one header field changed, cut short, or emptied, and
// a well-formed program whose first instruction the model does not cover.
const programs = new Workdir();
afterAll(() => programs.dispose());
const goodElf = programs.build(
  'good',
  '\t.text\n\t.global _start\n_start:\n\tnop.m 0\n\tnop.i 0\n\tnop.i 0\n\t;;\n\tbreak.m 0xca11\n\t;;\n',
);
// An MFI bundle whose F slot is fclrf.s0 with an unused field (bit 36) set: rejected by the
// model's FP reject rule (model/README.md); hint.f now executes.
const fpElf = programs.build(
  'fp',
  '\t.text\n\t.global _start\n_start:\n\t.byte 0x0c,0,0,0,0x01,0,0,0,0,0x0a,0x04,0,0,0,0x04,0\n',
);
function hostileElf(name: string, change: (b: Uint8Array, dv: DataView) => Uint8Array | undefined): string {
  const bytes = new Uint8Array(readFileSync(goodElf));
  const out = change(bytes, new DataView(bytes.buffer)) ?? bytes;
  const file = join(work, `${name}.elf`);
  writeFileSync(file, out);
  return file;
}
const unmappedEntry = hostileElf('unmapped-entry', (_, dv) => void dv.setBigUint64(24, 0x7fff0000n, true));
const zeroEntry = hostileElf('zero-entry', (_, dv) => void dv.setBigUint64(24, 0n, true));
const oddEntry = hostileElf('odd-entry', (_, dv) => void dv.setBigUint64(24, 0x100008n, true));
const armElf = hostileElf('arm', (_, dv) => void dv.setUint16(18, 40, true));
const sharedObject = hostileElf('dyn', (_, dv) => void dv.setUint16(16, 3, true));
const noHeaders = hostileElf('no-phdrs', (_, dv) => void dv.setUint16(56, 0, true));
const truncatedElf = hostileElf('truncated', (b) => b.subarray(0, 80));
const emptyElf = hostileElf('empty', (b) => b.subarray(0, 0));
const elf32 = hostileElf('elf32', (b) => void (b[4] = 1));
const UNMAPPED = /bad ELF: entry point 0x7fff0000 is not in a loaded segment \(0xf0000\.\.0x10001f\)$/;
/** The same line from `vti emu` and `vti cosim --core --program` for each hostile file. */
const HOSTILE_ELF: readonly (readonly [file: string, why: string | RegExp])[] = [
  [unmappedEntry, UNMAPPED],
  [zeroEntry, /bad ELF: entry point 0x0 is not in a loaded segment \(0xf0000\.\.0x10001f\)$/],
  [oddEntry, 'bad ELF: entry point 0x100008 is not 16-byte (bundle) aligned'],
  [armElf, 'bad ELF: not an IA-64 executable (e_machine 40, expected 50)'],
  [sharedObject, 'bad ELF: not a static executable (e_type 3, expected ET_EXEC = 2)'],
  [noHeaders, 'bad ELF: no program headers'],
  [truncatedElf, 'bad ELF: program header table lies outside the file'],
  [emptyElf, 'bad ELF: file is 0 bytes, shorter than an ELF64 header'],
  [elf32, 'bad ELF: not a 64-bit ELF (EI_CLASS 1)'],
  [
    fpElf,
    /unsupported instruction at 0x100000 slot 1: encoding 0x[0-9a-f]{11} \(fclrf with nonzero reserved fields\)$/,
  ],
];
const hostileRows = (prefix: readonly string[], command: string): Row[] =>
  HOSTILE_ELF.map(([file, why]) => [
    [...prefix.slice(0, 1), ...(command === 'emu' ? [file] : [...prefix.slice(1), file, '--engine', 'builtin'])],
    1,
    typeof why === 'string'
      ? `vti ${command}: ${file}: ${why}`
      : new RegExp(`^vti ${command}: ${esc(file)}: ${why.source}`),
  ]);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

type Row = readonly [argv: readonly string[], code: number, stderr: string | RegExp];

const GEN_ALLOWED =
  '--out, --impl-va-msb, --impl-pa-msb, --guest-shrink, --no-vt, --stats, --fpga, --seeds, --dump-ir, --json';
const SIM_DESIGNS = 'vti_psr, vti_vmsw, vti_addr_check, vti_fault_prio, vti_core, counter, alu, handshake';
const SAFE = '9007199254740991';
const BIG = '99999999999999999999';

const ROWS: readonly Row[] = [
  // top level
  [
    ['nope'],
    2,
    "vti: unknown command 'nope' (available: all, gen, sim, cosim, formal, emu, demo, report, merge, regress)",
  ],
  [
    ['--bogus'],
    2,
    "vti: unknown command '--bogus' (available: all, gen, sim, cosim, formal, emu, demo, report, merge, regress)",
  ],
  // gen
  [['gen', '--out'], 2, "vti gen: option '--out' needs a value (DIR)"],
  [['gen', '--out='], 2, "vti gen: option '--out' needs a value (DIR)"],
  [
    ['gen', '--out', '--no-vt'],
    2,
    "vti gen: option '--out' needs a value (DIR), got the option '--no-vt' (write --out=--no-vt if that is the value)",
  ],
  [['gen', '--out', 'a', '--out', 'b'], 2, "vti gen: option '--out' is given twice"],
  [['gen', '--no-vt', '--no-vt'], 2, "vti gen: option '--no-vt' is given twice"],
  [['gen', 'extra'], 2, "vti gen: unexpected argument 'extra' (vti gen takes only options)"],
  [['gen', 'json'], 2, "vti gen: unexpected argument 'json' (vti gen takes only options; did you mean --json?)"],
  [['gen', '--bogus'], 2, `vti gen: unknown option '--bogus' (allowed: ${GEN_ALLOWED})`],
  [['gen', '-x'], 2, `vti gen: unknown option '-x' (allowed: ${GEN_ALLOWED})`],
  [['gen', '-abc'], 2, `vti gen: unknown option '-abc' (allowed: ${GEN_ALLOWED})`],
  [['gen', '--no-vt=1'], 2, "vti gen: option '--no-vt' takes no value"],
  [['gen', '--json=yes'], 2, "vti gen: option '--json' takes no value"],
  [['gen', '--impl-va-msb', 'abc'], 2, "vti gen: option '--impl-va-msb' expects an integer, got 'abc'"],
  [['gen', '--impl-va-msb', '55.5'], 2, "vti gen: option '--impl-va-msb' expects an integer, got '55.5'"],
  [['gen', '--impl-va-msb', '5e1'], 2, "vti gen: option '--impl-va-msb' expects an integer, got '5e1'"],
  [
    ['gen', '--impl-va-msb', BIG],
    2,
    `vti gen: option '--impl-va-msb' is beyond the safe integers (|n| < 2^53), got '${BIG}'`,
  ],
  [
    ['gen', '--no-vt', '--guest-shrink', '3'],
    2,
    'vti gen: --guest-shrink applies only with VT-i (there is no guest with --no-vt)',
  ],
  [['gen', '--impl-va-msb', '50'], 2, /^vti gen: bad generator options: .*IMPL_VA_MSB 50.*$/],
  [['gen', '--no-vt', '--impl-va-msb', '49'], 2, /^vti gen: bad generator options: .*49.*$/],
  [['gen', '--impl-va-msb', '-60'], 2, /^vti gen: bad generator options: .*-60.*$/],
  [['gen', '--guest-shrink', '11'], 2, /^vti gen: bad generator options: .*guestShrink 11.*$/],
  [['gen', '--guest-shrink', '0'], 2, /^vti gen: bad generator options: .*$/],
  [['gen', '--impl-pa-msb', '70'], 2, /^vti gen: bad generator options: .*$/],
  [['gen', '--out', aFile], 1, `vti gen: cannot write ${aFile}: ENOTDIR (a part of the path is not a directory)`],
  [
    ['gen', '--out', join(aFile, 'x')],
    1,
    `vti gen: cannot write ${aFile}: ENOTDIR (a part of the path is not a directory)`,
  ],
  ...(process.platform === 'linux'
    ? ([
        [['gen', '--out', '/proc/vti-x'], 1, 'vti gen: cannot write /proc/vti-x: ENOENT (no such file or directory)'],
      ] as const)
    : []),
  // sim
  [['sim'], 2, `vti sim: --module is required (one of ${SIM_DESIGNS})`],
  [['sim', '--module', 'nope'], 2, `vti sim: option '--module' must be one of ${SIM_DESIGNS}, got 'nope'`],
  [['sim', '--module'], 2, "vti sim: option '--module' needs a value (NAME)"],
  [['sim', '--module', 'counter', '--module', 'alu'], 2, "vti sim: option '--module' is given twice"],
  [['sim', '--module', 'counter', '--cycles', '0'], 2, 'vti sim: --cycles must be between 1 and 100000000, got 0'],
  [['sim', '--module', 'counter', '--cycles', '-3'], 2, 'vti sim: --cycles must be between 1 and 100000000, got -3'],
  [
    ['sim', '--module', 'counter', '--cycles', '1000000000000'],
    2,
    'vti sim: --cycles must be between 1 and 100000000, got 1000000000000',
  ],
  [['sim', '--module', 'counter', '--cycles', '1e3'], 2, "vti sim: option '--cycles' expects an integer, got '1e3'"],
  [
    ['sim', '--module', 'counter', '--seed', '-1'],
    2,
    `vti sim: option '--seed' must be between 0 and ${SAFE}, got '-1'`,
  ],
  [
    ['sim', '--module', 'counter', '--engine', 'gpu'],
    2,
    "vti sim: option '--engine' must be one of verilator, builtin, got 'gpu'",
  ],
  [['sim', '--module', 'counter', 'extra'], 2, "vti sim: unexpected argument 'extra' (vti sim takes only options)"],
  [['sim', '--module', 'counter', '--vcd'], 2, "vti sim: option '--vcd' needs a value (FILE)"],
  [
    ['sim', '--module', 'counter', '--cycles', '2', '--engine', 'builtin', '--vcd', work],
    1,
    `vti sim: cannot write ${work}: EISDIR (is a directory)`,
  ],
  [
    ['sim', '--module', 'counter', '--cycles', '2', '--engine', 'builtin', '--vcd', join(missing, 'x.vcd')],
    1,
    `vti sim: cannot open ${join(missing, 'x.vcd')}: ENOENT (no such file or directory)`,
  ],
  // cosim
  [['cosim', '--vectors', '-1'], 2, "vti cosim: option '--vectors' must be between 0 and 1000000000, got '-1'"],
  [['cosim', '--vectors', '1e12'], 2, "vti cosim: option '--vectors' expects an integer, got '1e12'"],
  [
    ['cosim', '--vectors', '1000000000000'],
    2,
    "vti cosim: option '--vectors' must be between 0 and 1000000000, got '1000000000000'",
  ],
  [['cosim', '--seed', '-5'], 2, `vti cosim: option '--seed' must be between 0 and ${SAFE}, got '-5'`],
  [['cosim', '--seed', BIG], 2, `vti cosim: option '--seed' must be between 0 and ${SAFE}, got '${BIG}'`],
  [['cosim', '--seed', '0x'], 2, "vti cosim: option '--seed' expects an integer, got '0x'"],
  [['cosim', '--core', '--random', '0'], 2, "vti cosim: option '--random' must be between 1 and 10000, got '0'"],
  [['cosim', '--core', '--random', '-1'], 2, "vti cosim: option '--random' must be between 1 and 10000, got '-1'"],
  [
    ['cosim', '--core', '--random', '2', '--items', '0'],
    2,
    "vti cosim: option '--items' must be between 1 and 20000, got '0'",
  ],
  [['cosim', '--program', 'X'], 2, 'vti cosim: --program applies only with --core'],
  [['cosim', '--random', '2'], 2, 'vti cosim: --random applies only with --core'],
  [['cosim', '--vt', 'off'], 2, 'vti cosim: --vt applies only with --core'],
  [['cosim', '--core', '--vt', 'off'], 2, 'vti cosim: --vt applies only with --core --program FILE'],
  [['cosim', '--core', '--items', '5'], 2, 'vti cosim: --items applies only with --core --random N'],
  [['cosim', '--core', '--shrink'], 2, 'vti cosim: --shrink applies only with --core --random N'],
  [['cosim', '--core', '--no-traps'], 2, 'vti cosim: --no-traps applies only with --core --random N'],
  [['cosim', '--jobs', '2'], 2, 'vti cosim: --jobs applies only with --core'],
  [['cosim', '--core', '--jobs', '0'], 2, "vti cosim: option '--jobs' must be between 1 and 256, got '0'"],
  [
    ['cosim', '--core', '--random', '2', '--jobs', '2', '--rtl-coverage'],
    1,
    'vti cosim: --jobs with --rtl-coverage: the RTL code coverage counts in one Verilator model; use --jobs 1',
  ],
  [
    ['cosim', '--core', '--vectors', '5'],
    2,
    'vti cosim: --vectors applies only to the block co-simulation (not with --core)',
  ],
  [
    ['cosim', '--core', '--block', 'vti_psr'],
    2,
    'vti cosim: --block applies only to the block co-simulation (not with --core)',
  ],
  [
    ['cosim', '--core', '--mutants', '3'],
    2,
    'vti cosim: --mutants applies only to the block co-simulation (not with --core)',
  ],
  [['cosim', '--core', '--core'], 2, "vti cosim: option '--core' is given twice"],
  [['cosim', '--block', 'nope'], 2, /^vti cosim: option '--block' must be one of vti_psr, .*, got 'nope'$/],
  [['cosim', '--mutants', '0'], 2, 'vti cosim: --mutants must be between 1 and 1000, got 0'],
  [['cosim', 'stray'], 2, "vti cosim: unexpected argument 'stray' (vti cosim takes only options)"],
  [
    ['cosim', '--core', '--program', 'a.elf', '--random', '2', '--engine', 'builtin'],
    1,
    'vti cosim: --program and --random exclude each other',
  ],
  [
    ['cosim', '--core', '--program', 'no/such.elf', '--engine', 'builtin'],
    1,
    "vti cosim: --program: no such file 'no/such.elf'",
  ],
  [
    ['cosim', '--core', '--program', '/dev/zero', '--engine', 'builtin'],
    1,
    "vti cosim: --program: '/dev/zero' is not a regular file",
  ],
  [
    ['cosim', '--core', '--program', junkElf, '--engine', 'builtin'],
    1,
    `vti cosim: ${junkElf}: bad ELF: no ELF magic number`,
  ],
  ...hostileRows(['cosim', '--core', '--program'], 'cosim'),
  [['cosim', '--prove-unreachable'], 1, /^vti cosim: --prove-unreachable needs --rtl-coverage /],
  // formal
  [['formal', '--mutants', '0'], 1, 'vti formal: --mutants must be at least 1, got 0'],
  [['formal', '--mutants', '5000'], 2, 'vti formal: --mutants must be at most 1000, got 5000'],
  [
    ['formal', '--no-vt', '--guest-shrink', '2'],
    2,
    'vti formal: --guest-shrink applies only with VT-i (there is no guest with --no-vt)',
  ],
  [
    ['formal', '--impl-va-msb', '50'],
    2,
    'vti formal: bad generator options: no room for a guest: IMPL_VA_MSB 50 - guestShrink 1 = 49 is below 50',
  ],
  [['formal', '--block', 'nope'], 2, /^vti formal: option '--block' must be one of all, vti_psr, .*, got 'nope'$/],
  [['formal', '--dir', '/nonexistent/x'], 1, 'vti formal: --dir /nonexistent/x: no such directory'],
  [['formal', 'x'], 2, "vti formal: unexpected argument 'x' (vti formal takes only options)"],
  // emu
  [['emu'], 1, 'vti emu: missing PROGRAM.elf argument'],
  [['emu', 'a.elf', 'b.elf'], 1, "vti emu: unexpected argument 'b.elf' (one program only)"],
  [['emu', '/nonexistent.elf'], 1, 'vti emu: cannot read /nonexistent.elf: ENOENT'],
  [['emu', junkElf], 1, `vti emu: ${junkElf}: bad ELF: no ELF magic number`],
  ...hostileRows(['emu'], 'emu'),
  [['emu', work], 1, `vti emu: cannot read ${work}: not a regular file`],
  [['emu', '/dev/zero'], 1, 'vti emu: cannot read /dev/zero: not a regular file'],
  [['emu', junkElf, '--vt', 'maybe'], 2, "vti emu: option '--vt' must be one of on, off, got 'maybe'"],
  [
    ['emu', junkElf, '--vt', 'off', '--guest-shrink', '20'],
    2,
    'vti emu: --guest-shrink applies only with --vt on (there is no guest without VT-i)',
  ],
  [['emu', junkElf, '--valen', '70'], 1, 'vti emu: --valen 70 is out of range: allowed 51..61'],
  [['emu', junkElf, '--max-steps', '-1'], 1, 'vti emu: --max-steps must be a non-negative integer, got -1'],
  [
    ['emu', junkElf, '--max-steps', BIG],
    2,
    `vti emu: option '--max-steps' is beyond the safe integers (|n| < 2^53), got '${BIG}'`,
  ],
  [['emu', junkElf, '--state'], 2, "vti emu: option '--state' needs a value (FILE)"],
  [
    ['emu', junkElf, '--trace', '--state', 'x'],
    2,
    /^vti emu: option '--trace' needs a value \(FILE\), got the option '--state'/,
  ],
  [['emu', junkElf, '--interrupt', '100'], 1, "vti emu: --interrupt expects STEP:VECTOR (e.g. 1000:0x40), got '100'"],
  [
    ['emu', junkElf, '--interrupt', '-5:32'],
    2,
    /^vti emu: option '--interrupt' needs a value \(STEP:VECTOR\), got the option '-5:32'/,
  ],
  [
    ['emu', junkElf, '--interrupt', 'x:32'],
    1,
    "vti emu: --interrupt: STEP must be a non-negative integer, got 'x' in 'x:32'",
  ],
  [
    ['emu', junkElf, '--interrupt', '10:0x20', '--interrupt', '20:7'],
    1,
    "vti emu: --interrupt: VECTOR must be 0 (ExtINT), 2 (NMI) or 16..255, got '7' in '20:7'",
  ],
  [
    ['emu', junkElf, '--interrupt', '10:256'],
    1,
    "vti emu: --interrupt: VECTOR must be 0 (ExtINT), 2 (NMI) or 16..255, got '256' in '10:256'",
  ],
  // demo
  [['demo', '--iterations', '0'], 1, 'vti demo: --iterations must be between 1 and 10000, got 0'],
  [['demo', '--iterations', 'many'], 2, "vti demo: option '--iterations' expects an integer, got 'many'"],
  [
    ['demo', '--iterations', BIG],
    2,
    `vti demo: option '--iterations' is beyond the safe integers (|n| < 2^53), got '${BIG}'`,
  ],
  [['demo', '--flush-cycles', '-5'], 1, 'vti demo: --flush-cycles must be between 0 and 10000, got -5'],
  [['demo', 'extra'], 1, "vti demo: unexpected argument 'extra' (demo takes options only)"],
  // report
  [['report', '--vectors', '-1'], 2, "vti report: option '--vectors' must be between 0 and 1000000000, got '-1'"],
  [['report', '--iterations', '0'], 2, "vti report: option '--iterations' must be between 1 and 10000, got '0'"],
  [['report', '--skip', 'nope'], 2, /^vti report: --skip: unknown section 'nope' \(sections: fpga, cosim, /],
  [['report', '--cache', 'a', '--no-cache'], 2, 'vti report: --cache and --no-cache exclude each other'],
  [['report', 'x'], 2, "vti report: unexpected argument 'x' (vti report takes only options)"],
  [['report', '--out', aFile], 1, new RegExp(`^vti report: cannot write the report to '${esc(aFile)}': .*EEXIST`)],
  // all
  [['all', '--vectors', '-1'], 2, "vti all: option '--vectors' must be between 0 and 1000000000, got '-1'"],
  [['all', '--seed', 'x'], 2, "vti all: option '--seed' expects an integer, got 'x'"],
  [['all', '--engine', 'x'], 2, "vti all: option '--engine' must be one of verilator, builtin, got 'x'"],
  [['all', 'extra'], 2, "vti all: unexpected argument 'extra' (vti all takes only options)"],
  [['all', '--json', '--json'], 2, "vti all: option '--json' is given twice"],
  [['all', '--out'], 2, "vti all: option '--out' needs a value (DIR)"],
  // sharded runs (issue 17): --shard, vti merge, vti regress
  [
    ['cosim', '--shard', '3/3', '--engine', 'builtin'],
    2,
    "vti cosim: --shard: shard '3/3': I must be between 0 and N-1 = 2",
  ],
  [
    ['cosim', '--shard', '1-of-2', '--engine', 'builtin'],
    2,
    /^vti cosim: --shard: shard '1-of-2' is not of the form I\/N/,
  ],
  [
    ['cosim', '--core', '--shard', '0/2', '--engine', 'builtin'],
    2,
    'vti cosim: --shard with --core needs --random N (the random programs are what is split)',
  ],
  [['formal', '--synth', '--shard', '0/2'], 2, 'vti formal: --synth does not shard; run it without --shard/--result'],
  [['merge'], 2, 'vti merge: give the shard results to merge (files or folders)'],
  [['merge', missing], 2, `vti merge: ${missing}: no such file or folder`],
  [['merge', aFile], 1, new RegExp(`^vti merge: ${esc(aFile)}: not JSON `)],
  [['regress'], 2, 'vti regress: give one regression file (vti regress FILE), or --resume DIR'],
  [['regress', aFile], 2, new RegExp(`^vti regress: ${esc(aFile)}: not JSON `)],
  [['regress', '--resume', missing], 1, `vti regress: ${missing}: no regression.json there (not a vti regress folder)`],
  [['regress', '--task', '1'], 2, 'vti regress: --task applies only with --worker'],
  // options new in this round: --fpga, --batch, cosim --dir
  [['gen', '--fpga', 'ice40-xx'], 2, "vti gen: option '--fpga' must be one of ice40-hx8k, ice40-up5k, got 'ice40-xx'"],
  [['gen', '--fpga', 'ice40-hx8k'], 2, 'vti gen: --fpga needs --stats'],
  [['gen', '--stats', '--seeds', '2'], 2, 'vti gen: --seeds needs --fpga'],
  [
    ['gen', '--stats', '--fpga', 'ice40-hx8k', '--seeds', '0'],
    2,
    "vti gen: option '--seeds' must be between 1 and 20, got '0'",
  ],
  [
    ['cosim', '--batch', '0', '--engine', 'builtin'],
    2,
    "vti cosim: option '--batch' must be between 1 and 1048576, got '0'",
  ],
  [['cosim', '--dir', '/nonexistent/x'], 1, 'vti cosim: --dir /nonexistent/x: no such directory'],
];

describe('the bad-input corpus of vti', () => {
  it('has rows for every command', () => {
    // Each row below asserts exit code + the exact one line: a passing run means every row is a
    // clear error (no stack trace, no hang, nothing on stdout).
    console.log(
      `vti CLI bad-input corpus: ${ROWS.length} in-process rows over ${new Set(ROWS.map(([a]) => a[0])).size} commands`,
    );
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    for (const c of ['gen', 'sim', 'cosim', 'formal', 'emu', 'demo', 'report', 'all'])
      expect(ROWS.filter(([argv]) => argv[0] === c).length, c).toBeGreaterThanOrEqual(5);
  });

  it.each(ROWS.map((r) => [r[0].join(' '), ...r] as const))('vti %s', async (_name, argv, code, stderr) => {
    const r = await runMain(argv);
    expect(r.out).toBe('');
    expect(r.err.endsWith('\n') && r.err.split('\n').length === 2, `one line: ${r.err}`).toBe(true);
    if (typeof stderr === 'string') expect(r.err).toBe(stderr + '\n');
    else expect(r.err.trimEnd()).toMatch(stderr);
    expect(r.code).toBe(code);
  });
});

describe('outputs are written whole or not at all', () => {
  it('leaves every previous file intact when one of them cannot be written', () => {
    const dir = join(work, 'atomic');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.v'), 'old a\n');
    // The second file's folder is missing: its write fails after a.v's new text was written.
    expect(() => writeFilesAtomic(dir, { 'a.v': 'new a\n', 'sub/b.v': 'new b\n' })).toThrow(
      expect.objectContaining({ code: 'ENOENT', path: join(dir, 'sub/b.v') }),
    );
    expect(readFileSync(join(dir, 'a.v'), 'utf8')).toBe('old a\n');
    expect(readdirSync(dir)).toEqual(['a.v']); // no temporary file left behind
    writeFilesAtomic(dir, { 'a.v': 'new a\n' });
    expect(readFileSync(join(dir, 'a.v'), 'utf8')).toBe('new a\n');
  });

  it('emu --state, --trace and --events into a missing folder: one line, and no file left behind', async () => {
    const elf = buildProgram('paravirt');
    const state = join(missing, 'state.json');
    expect(await runMain(['emu', elf, '--state', state])).toEqual({
      code: 1,
      out: '',
      err: `vti emu: cannot open ${state}: ENOENT (no such file or directory)\n`,
    });
    const trace = join(missing, 'trace.jsonl');
    expect(await runMain(['emu', elf, '--trace', trace])).toEqual({
      code: 1,
      out: '',
      err: `vti emu: cannot write trace ${trace}: ENOENT (no such file or directory)\n`,
    });
    const events = join(missing, 'events.jsonl');
    expect(await runMain(['emu', elf, '--events', events])).toEqual({
      code: 1,
      out: '',
      err: `vti emu: cannot write events ${events}: ENOENT (no such file or directory)\n`,
    });
    const ok = join(work, 'state.json');
    writeFileSync(ok, 'previous\n');
    const r = await runMain(['emu', elf, '--state', ok, '--max-steps', '5']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(ok, 'utf8')).steps).toBe(5);
    expect(existsSync(join(work, `.state.json.${process.pid}.tmp`))).toBe(false);
  });
});

describe('the vti process (bin/vti.js)', () => {
  const bin = new URL('../../bin/vti.js', import.meta.url).pathname;
  const sh = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000 });

  it('a bug prints one line, saves the stack trace to a report file and exits 70', () => {
    const preload = join(work, 'boom.mjs');
    writeFileSync(
      preload,
      "import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\n" +
        "fs.mkdirSync = () => { throw new TypeError('boom from a test preload'); };\nsyncBuiltinESMExports();\n",
    );
    const r = spawnSync(process.execPath, ['--import', preload, bin, 'gen', '--out', join(work, 'g')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(70);
    expect(r.stdout).toBe('');
    const m =
      /^vti: internal error \(a bug\): TypeError: boom from a test preload; the stack trace is in (\S+) — please report it\n$/.exec(
        r.stderr,
      );
    expect(m, r.stderr).not.toBeNull();
    const report = readFileSync(m![1]!, 'utf8');
    expect(report).toMatch(/^vti gen --out /);
    expect(report).toMatch(/\n {4}at /);
    rmSync(m![1]!);
  });

  it('a reader that closes stdout early ends the run quietly', () => {
    const r = sh(
      `"${process.execPath}" "${bin}" gen --out "${join(work, 'g2')}" --json | true; echo "exit \${PIPESTATUS[0]}"`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exit 0\n');
  });

  it('a full stdout is an error of one line', () => {
    const r = sh(`"${process.execPath}" "${bin}" --help > /dev/full; echo "exit $?"`);
    expect(r.stderr).toBe('vti: cannot write to stdout: ENOSPC (no space left on device)\n');
    expect(r.stdout).toBe('exit 1\n');
  });
});
