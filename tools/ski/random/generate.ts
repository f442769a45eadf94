// Random bare-metal system programs for the differential test against Ski (tools/ski/random.ts).
// A program is a seed: the same seed gives the same assembly text. It uses the directed
// programs' start-up and vector table (lib/ivt.inc: every interruption records ISR/IIP/IPSR and
// resumes after the interrupted instruction), so a faulting instruction is just one more step
// to compare. Every instruction is its own instruction group (`;;` after each), so there is
// no dependency violation to be implementation-defined; system writes are serialised.
//
// Registers: the handler owns r16-r18 and r23-r27, p13-p15; r28/r29 are address temporaries,
// r30 holds the data area's address. Everything else of r1-r31 and the frame r32-r39 is random.
// Ski quirks the generator steps around (tools/ski/README.md): data accesses stay aligned,
// semaphores touch only the data area the ELF loads, ar.itc/ITM/ITV stay out, `break 0`
// (the halt) is never generated inside a program, and PTA is written before anything reads it.
import { chance, int, pick, type Rng, rng, u64, weighted } from './rng.js';

/** Implemented address bits of every random program (the config line). */
export const RANDOM_CONFIG = { valen: 51, palen: 44 } as const;
/**
 * Physical data area loaded with the ELF at 0x600000 (programs.ld): 96 KiB, so that every
 * region-1 page the VM segments touch (VA1 + 0..0x18000) lands inside it whatever page size
 * an insert uses (the PTE's page is 0x600000 or 0x604000).
 */
const DATA = 0x600000n;
const DATA_SIZE = 0x18000;
const DATA_PATTERN_WORDS = 1024;
/** Region 1 virtual address whose 16 KiB pages the VM segments map (some left unmapped). */
const VA1 = 0x2000000000600000n;

const STATIC_GRS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 31] as const;
const STACKED_GRS = [32, 33, 34, 35, 36, 37, 38, 39] as const;
const DEST_GRS = [...STATIC_GRS, ...STACKED_GRS];
const SRC_GRS = [0, ...DEST_GRS];
const PREDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** PSR bits a program may set and clear freely (PSR bit numbers): up ac mfl mfh dfl dfh sp pp di si. */
const FREE_PSR_BITS = [2, 3, 4, 5, 18, 19, 20, 21, 22, 23] as const;
/** Reserved PSR bits of the lower word: a mov psr.l that sets one must fault. */
const RESERVED_PSR_BITS = [0, 6, 7, 8, 9, 10, 11, 12, 16, 28, 29, 30, 31] as const;

const hex = (v: bigint) => '0x' + BigInt.asUintN(64, v).toString(16);
const r = (n: number) => `r${n}`;

/** The generator's state while it writes one program. */
interface Gen {
  readonly rnd: Rng;
  readonly lines: string[];
  /** Subroutines, emitted after the halt. */
  readonly tail: string[];
  label: number;
  /** Current privilege level (0 until a program drops to a higher one for its last part). */
  cpl: number;
}

const emit = (g: Gen, ...insns: string[]) => {
  for (const i of insns) g.lines.push(`\t${i}`, '\t;;');
};
const newLabel = (g: Gen, what: string) => `${what}_${g.label++}`;

function value(g: Gen): bigint {
  const x = g.rnd;
  return weighted(x, [
    [2, 0n],
    [1, 1n],
    [2, -1n],
    [1, 0x7fffffffffffffffn],
    [1, 0x8000000000000000n],
    [3, BigInt(int(x, 0, 255))],
    [2, -BigInt(int(x, 1, 255))],
    [5, u64(x)],
    [1, BigInt(int(x, 0, 0xffffffff))],
    [2, DATA + BigInt(int(x, 0, 1023) * 8)],
  ]);
}

const dst = (g: Gen) => r(pick(g.rnd, DEST_GRS));
const src = (g: Gen) => r(pick(g.rnd, SRC_GRS));
const pr = (g: Gen) => `p${pick(g.rnd, PREDS)}`;
/** A qualifying predicate for about a third of the instructions. */
const qp = (g: Gen) => (chance(g.rnd, 0.3) ? `(${pr(g)}) ` : '');
/** Two different predicates (a compare writing the same one twice is illegal). */
function prPair(g: Gen): [string, string] {
  const a = pick(g.rnd, PREDS);
  let b: number = pick(g.rnd, PREDS);
  if (b === a) b = a === 12 ? 1 : a + 1;
  return [`p${a}`, `p${b}`];
}

function alu(g: Gen): string {
  const x = g.rnd;
  const d = dst(g),
    a = src(g),
    b = src(g);
  const op = weighted<() => string>(x, [
    [6, () => `${pick(x, ['add', 'sub', 'and', 'or', 'xor', 'andcm'])} ${d}=${a},${b}`],
    [1, () => `add ${d}=${a},${b},1`],
    [1, () => `sub ${d}=${a},${b},1`],
    [3, () => `adds ${d}=${int(x, -8192, 8191)},${a}`],
    [1, () => `addl ${d}=${int(x, -2097152, 2097151)},r${int(x, 0, 3)}`],
    [1, () => `${pick(x, ['and', 'or', 'xor', 'andcm', 'sub'])} ${d}=${int(x, -128, 127)},${a}`],
    [2, () => `shladd ${d}=${a},${int(x, 1, 4)},${b}`],
    [2, () => `${pick(x, ['shl', 'shr', 'shr.u'])} ${d}=${a},${b}`],
    [2, () => `${pick(x, ['shl', 'shr', 'shr.u'])} ${d}=${a},${int(x, 0, 63)}`],
    [2, () => extr(x, d, a)],
    [2, () => dep(x, d, a, b)],
    [2, () => `${pick(x, ['zxt1', 'zxt2', 'zxt4', 'sxt1', 'sxt2', 'sxt4'])} ${d}=${a}`],
    [1, () => `mov ${d}=${int(x, -2097152, 2097151)}`],
    [1, () => `movl ${d}=${hex(value(g))}`],
    [1, () => `mov ${d}=pr`],
    [1, () => `mov pr=${a},${hex(BigInt(int(x, 0, 0x1ffff)) & ~0x1n)}`],
    [1, () => `mov b${int(x, 1, 7)}=${a}`],
    [1, () => `mov ${d}=b${int(x, 0, 7)}`],
    [6, () => compare(g)],
  ]);
  return qp(g) + op();
}

function extr(x: Rng, d: string, a: string): string {
  const pos = int(x, 0, 63);
  return `${pick(x, ['extr', 'extr.u'])} ${d}=${a},${pos},${int(x, 1, 64 - pos)}`;
}

function dep(x: Rng, d: string, a: string, b: string): string {
  const pos = int(x, 0, 63);
  if (chance(x, 0.5)) return `dep.z ${d}=${a},${pos},${int(x, 1, 64 - pos)}`;
  return `dep ${d}=${a},${b},${pos},${int(x, 1, 16)}`;
}

function compare(g: Gen): string {
  const x = g.rnd;
  const [p, q] = prPair(g);
  const a = src(g),
    b = src(g);
  const rel = pick(x, ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'ltu', 'leu', 'gtu', 'geu']);
  return weighted<string>(x, [
    [4, `${pick(x, ['cmp', 'cmp4'])}.${rel}${chance(x, 0.3) ? '.unc' : ''} ${p},${q}=${a},${b}`],
    [2, `cmp.${pick(x, ['eq', 'ne', 'lt', 'ltu'])} ${p},${q}=${int(x, -128, 127)},${a}`],
    [2, `cmp.${pick(x, ['eq', 'ne'])}.${pick(x, ['and', 'or', 'or.andcm'])} ${p},${q}=${a},${b}`],
    [1, `cmp.${pick(x, ['lt', 'le', 'gt', 'ge'])}.${pick(x, ['and', 'or'])} ${p},${q}=r0,${a}`],
    [2, `tbit.${pick(x, ['z', 'nz'])}${chance(x, 0.3) ? '.unc' : ''} ${p},${q}=${a},${int(x, 0, 63)}`],
    [1, `tnat.${pick(x, ['z', 'nz'])} ${p},${q}=${a}`],
  ]);
}

const SIZES = [1, 2, 4, 8] as const;

/** r28 = an aligned address in the data area (physical). */
function dataAddress(g: Gen, size: number) {
  emit(g, `adds r28=${int(g.rnd, 0, Math.floor(8191 / size)) * size},r30`);
}

function memory(g: Gen) {
  const x = g.rnd;
  const size = pick(x, SIZES);
  weighted<() => void>(x, [
    [
      4,
      () => {
        dataAddress(g, size);
        emit(
          g,
          `${qp(g)}ld${size}${pick(x, ['', '', '.acq', '.s', '.bias'])} ${dst(g)}=[r28]${chance(x, 0.3) ? `,${size * int(x, -4, 4)}` : ''}`,
        );
      },
    ],
    [
      4,
      () => {
        dataAddress(g, size);
        emit(
          g,
          `${qp(g)}st${size}${pick(x, ['', '.rel'])} [r28]=${src(g)}${chance(x, 0.3) ? `,${size * int(x, -4, 4)}` : ''}`,
        );
      },
    ],
    [
      1,
      () => {
        dataAddress(g, 8);
        emit(g, chance(x, 0.5) ? `st8.spill [r28]=${src(g)}` : `ld8.fill ${dst(g)}=[r28]`);
      },
    ],
    [
      2,
      () => {
        dataAddress(g, size);
        const sem = weighted<string>(x, [
          [1, `cmpxchg${size}.${pick(x, ['acq', 'rel'])} ${dst(g)}=[r28],${src(g)},ar.ccv`],
          [1, `xchg${size} ${dst(g)}=[r28],${src(g)}`],
          [
            1,
            `fetchadd${pick(x, [4, 8])}.${pick(x, ['acq', 'rel'])} ${dst(g)}=[r28],${pick(x, [-16, -8, -4, -1, 1, 4, 8, 16])}`,
          ],
        ]);
        emit(g, `${qp(g)}${sem}`);
      },
    ],
    [1, () => emit(g, `mov ar.ccv=${src(g)}`)],
    [
      // A NaT: ld.s of an address nothing backs (Ski defers every ld.s in physical mode).
      1,
      () => emit(g, 'movl r28=0x300000', `ld8.s ${dst(g)}=[r28]`),
    ],
    [
      // Unimplemented physical address (palen 44).
      1,
      () => {
        emit(g, `movl r28=${hex((1n << BigInt(int(x, 44, 62))) | (DATA & ~7n))}`);
        // Not ld.s: Ski faults where the SDM defers (known-divergences.ts, SKI_DEFECTS).
        emit(g, pick(x, [`ld8 ${dst(g)}=[r28]`, `st8 [r28]=${src(g)}`, 'lfetch [r28]', 'lfetch.fault [r28]']));
      },
    ],
  ])();
}

function branch(g: Gen) {
  const x = g.rnd;
  weighted<() => void>(x, [
    [
      3,
      () => {
        const l = newLabel(g, 'fwd');
        emit(g, `(${pr(g)}) br.cond.${pick(x, ['sptk', 'spnt', 'dptk', 'dpnt'])}.few ${l}`);
        for (let i = int(x, 1, 3); i > 0; i--) emit(g, alu(g));
        g.lines.push(`${l}:`);
      },
    ],
    [
      2,
      () => {
        const l = newLabel(g, 'loop');
        emit(g, `mov ar.lc=${int(x, 0, 3)}`);
        g.lines.push(`${l}:`);
        for (let i = int(x, 1, 2); i > 0; i--) emit(g, alu(g));
        emit(g, `br.cloop.sptk.few ${l}`);
      },
    ],
    [
      2,
      () => {
        const l = newLabel(g, 'sub');
        emit(g, `${qp(g)}br.call.sptk.many b0=${l}`);
        const body: string[] = [`${l}:`];
        for (let i = int(x, 1, 3); i > 0; i--)
          body.push(`\t${alu(g).replace(/r3[2-9]/g, () => r(pick(x, STATIC_GRS)))}`, '\t;;');
        body.push('\tbr.ret.sptk.many b0', '\t;;');
        g.tail.push(...body);
      },
    ],
  ])();
}

/** Turns PSR.ic off or on again (inserts and interruption CRs need it off). */
const icOff = (g: Gen) => emit(g, 'rsm 0x2000', 'srlz.d');
const icOn = (g: Gen) => emit(g, 'ssm 0x2000', 'srlz.d');

const FREE_CRS = ['dcr', 'tpr', 'pta'] as const;
// Not IIPA: Ski's live IIPA follows a different rule (tools/ski/README.md, quirks).
const INTERRUPTION_CRS = ['ipsr', 'isr', 'iip', 'ifa', 'itir', 'ifs', 'iim', 'iha'] as const;
const FREE_ARS = [
  'k0',
  'k1',
  'k2',
  'k3',
  'k4',
  'k5',
  'k6',
  'k7',
  'rsc',
  'ccv',
  'unat',
  'pfs',
  'lc',
  'ec',
  'rnat',
] as const;

/**
 * Reserved fields of the CRs the programs write. With PSR.ic = 0 a fault cannot be resumed
 * (IIP and IPSR keep older values, so the vector table's handler would return to the wrong
 * place): writes made with PSR.ic off always clear these fields.
 */
const CR_RESERVED: Record<string, bigint> = {
  dcr: ~0x7f07n,
  tpr: 0xff00n,
  pta: 0x7e02n,
  itir: 0xffffffff00000003n,
  ifs: 0x7fffffc000000000n,
  isr: 0xfffff000ff000000n,
  // IPSR: bits the vector table's rfi may not restore (reserved, and ic/dt/it/rt/ss/tb/lp/db/is,
  // cpl, bn): the programs keep executing in the same mode.
  ipsr: ~((1n << 2n) | (1n << 3n) | (1n << 4n) | (1n << 5n) | (0xfn << 18n) | (1n << 13n)),
};

/** A CR value: random (the write may fault on a reserved field), or with the reserved fields clear. */
function crValue(g: Gen, cr: string, mayFault: boolean): bigint {
  const x = g.rnd;
  const v = value(g);
  if (cr === 'pta') {
    // PTA.vf stays 0: the long-format hash is implementation specific.
    const ok = (v & ~0x7fffn) | (BigInt(int(x, 15, 20)) << 2n) | (v & 1n);
    return mayFault && chance(x, 0.3) ? ok | (1n << BigInt(pick(x, [1, 9, 10, 14]))) : ok;
  }
  if (cr === 'itir' && chance(x, 0.6)) return (v & 0xffffff00n) | (BigInt(pick(x, [12, 14, 16])) << 2n);
  if (mayFault && chance(x, 0.4)) return v;
  // IFS with v = 1 must hold a valid frame marker: a plain one (sof, sol) will do.
  if (cr === 'ifs' && v >> 63n) return (1n << 63n) | BigInt(int(x, 0, 20)) | (BigInt(int(x, 0, 0)) << 7n);
  let clean = v & ~(CR_RESERVED[cr] ?? 0n);
  // ISR.ei = 3 is a reserved value (there are three slots).
  if (cr === 'isr' && ((clean >> 41n) & 3n) === 3n) clean &= ~(1n << 42n);
  return cr === 'ipsr' ? clean | (1n << 13n) : clean;
}

function system(g: Gen) {
  const x = g.rnd;
  weighted<() => void>(x, [
    [
      3,
      () => {
        let m = 0;
        for (let i = int(x, 1, 3); i > 0; i--) m |= 1 << pick(x, FREE_PSR_BITS);
        emit(g, `${qp(g)}${pick(x, ['ssm', 'rsm'])} ${hex(BigInt(m))}`, 'srlz.d');
      },
    ],
    [2, () => emit(g, `mov ${dst(g)}=psr`)],
    [
      2,
      () => {
        let m = 0n;
        for (let i = int(x, 1, 3); i > 0; i--) m |= 1n << BigInt(pick(x, FREE_PSR_BITS));
        if (chance(x, 0.3)) m |= 1n << BigInt(pick(x, RESERVED_PSR_BITS));
        emit(g, 'mov r28=psr', `movl r29=${hex(m)}`, 'xor r28=r28,r29', `mov psr.l=r28`, 'srlz.i');
      },
    ],
    [
      4,
      () => {
        const cr = pick(x, FREE_CRS);
        emit(g, `movl r28=${hex(crValue(g, cr, true))}`, `mov cr.${cr}=r28`, 'srlz.d', `mov ${dst(g)}=cr.${cr}`);
      },
    ],
    [
      3,
      () => {
        // Interruption CRs: with PSR.ic = 1 an access is an Illegal Operation fault.
        const cr = pick(x, INTERRUPTION_CRS);
        const off = chance(x, 0.7);
        if (off) icOff(g);
        // Ski rewrites IFA, ITIR and IHA on ordinary fetches and accesses while PSR.ic = 1
        // (README, quirks): they are read only after a write made with PSR.ic off.
        const written = off && ['ifa', 'itir', 'iha'].includes(cr);
        if (written || chance(x, 0.6)) emit(g, `movl r28=${hex(crValue(g, cr, !off))}`, `mov cr.${cr}=r28`, 'srlz.d');
        emit(g, `mov ${dst(g)}=cr.${cr}`);
        // Ski clears all of IFS on an interruption, the SDM (and the model) only IFS.v
        // (ifs-interruption, known-divergences.ts): IFS goes back to 0 before the next
        // interruption can happen, so that Ski's extra clearing cannot show.
        if (cr === 'ifs' && off) emit(g, 'mov cr.ifs=r0');
        if (off) icOn(g);
      },
    ],
    [
      4,
      () => {
        const ar = pick(x, FREE_ARS);
        let v = value(g);
        // RSC: keep the RSE in enforced lazy mode (mode 0) unless the value is to fault.
        if (ar === 'rsc' && chance(x, 0.7)) v &= 0x1cn;
        if (chance(x, 0.7)) emit(g, `movl r28=${hex(v)}`, `mov ar.${ar}=r28`);
        emit(g, `mov ${dst(g)}=ar.${ar}`);
      },
    ],
    [2, () => emit(g, `${pick(x, ['break.m', 'break.i', 'break.b'])} ${hex(BigInt(int(x, 1, 0x1fffff)))}`)],
    [1, () => chk(g)],
    [2, () => rfi(g)],
    [3, () => translation(g)],
  ])();
}

/** chk.s with recovery code (after the halt) that branches back to the next instruction. */
function chk(g: Gen) {
  const rec = newLabel(g, 'rec');
  const back = newLabel(g, 'back');
  g.tail.push(`${rec}:`, `\t${alu(g)}`, '\t;;', `\tbr.sptk.few ${back}`, '\t;;');
  emit(g, `${pick(g.rnd, ['chk.s.i', 'chk.s.m'])} ${src(g)},${rec}`);
  g.lines.push(`${back}:`);
}

/** rfi to the next bundle at a random slot, with some free PSR bits changed. */
function rfi(g: Gen) {
  const x = g.rnd;
  const l = newLabel(g, 'rfi');
  let m = 0n;
  for (let i = int(x, 0, 2); i > 0; i--) m |= 1n << BigInt(pick(x, FREE_PSR_BITS));
  icOff(g);
  emit(g, `movl r28=${l}`, 'mov cr.iip=r28', 'mov r29=psr', `movl r28=${hex(m | (1n << 13n))}`, 'or r29=r29,r28');
  emit(g, `mov r28=${int(x, 0, 2)}`, 'dep r29=r28,r29,41,2', 'mov cr.ipsr=r29', 'mov cr.ifs=r0', 'rfi');
  g.lines.push(`${l}:`, '{ .mii');
  g.lines.push(`\t${aluMI(g, 'M')}`, `\t${aluMI(g, 'I')}`, `\t${aluMI(g, 'I')} ;;`, '}');
}

/** An ALU instruction that fits an M or I slot (no compares, so no two writes of one predicate). */
function aluMI(g: Gen, unit: 'M' | 'I'): string {
  const x = g.rnd;
  const d = r(pick(x, STATIC_GRS));
  if (unit === 'I' && chance(x, 0.3)) return `shr.u ${d}=${src(g)},${int(x, 0, 63)}`;
  return `${pick(x, ['add', 'sub', 'and', 'xor'])} ${d}=${src(g)},${src(g)}`;
}

/** A random PTE: present or not, rights, privilege, access/dirty bits, memory attribute. */
function pte(g: Gen, page: bigint): bigint {
  const x = g.rnd;
  // Valid memory attributes only: the insert runs with PSR.ic = 0, where a fault cannot be resumed.
  const ma = BigInt(pick(x, [0, 0, 0, 4, 5, 6, 7]));
  const bits =
    (chance(x, 0.85) ? 1n : 0n) |
    (ma << 2n) |
    (chance(x, 0.8) ? 1n << 5n : 0n) |
    (chance(x, 0.7) ? 1n << 6n : 0n) |
    (BigInt(int(x, 0, 3)) << 7n) |
    (BigInt(int(x, 0, 7)) << 9n) |
    (chance(x, 0.2) ? 1n << 52n : 0n);
  return bits | page;
}

/** TLB inserts and purges with PSR.ic off, and probe/tpa/tak on region 1. */
function translation(g: Gen) {
  const x = g.rnd;
  const va = VA1 + BigInt(int(x, 0, 5)) * 0x4000n + BigInt(int(x, 0, 0x3ff) * 8);
  weighted<() => void>(x, [
    [
      2,
      () => {
        // Overlapping translation registers are a machine check on Ski (and undefined in the
        // SDM): TR slot k maps only page k (0..2) with 16 KiB pages; the TC inserts go to pages
        // 3..5, a 64 KiB page only where it covers none of pages 0..3.
        const tr = chance(x, 0.5);
        const page = tr ? int(x, 0, 2) : int(x, 3, 5);
        const ps = tr ? 14 : page >= 4 ? pick(x, [12, 14, 16]) : pick(x, [12, 14]);
        icOff(g);
        emit(
          g,
          `movl r28=${hex(VA1 + BigInt(page) * 0x4000n)}`,
          'mov cr.ifa=r28',
          `mov r29=${ps << 2}`,
          'mov cr.itir=r29',
        );
        // The slot's previous translation may stay as a TC entry (SDM itr): purge it first.
        if (tr) emit(g, 'ptr.d r28,r29', 'srlz.d');
        emit(g, `movl r28=${hex(pte(g, DATA + BigInt(int(x, 0, 1)) * 0x4000n))}`, 'srlz.d');
        if (tr) emit(g, `mov r29=${page}`, 'itr.d dtr[r29]=r28');
        else emit(g, 'itc.d r28');
        icOn(g);
      },
    ],
    [
      1,
      () => {
        // ptc.l over a TR is a machine check on Ski (and undefined in the SDM): it purges
        // only inside the TC pages 3..5. ptr purges only inside the TR pages 0..2: Ski's ptr
        // leaves overlapping TC entries, which the SDM purges (tlb-ptr-tc, known-divergences.ts).
        if (chance(x, 0.5)) {
          const tc = VA1 + BigInt(int(x, 3, 5)) * 0x4000n + BigInt(int(x, 0, 0x3ff) * 8);
          emit(g, `movl r28=${hex(tc)}`, `mov r29=${pick(x, [12, 14]) << 2}`, 'ptc.l r28,r29', 'srlz.d');
        } else {
          const trPage = VA1 + BigInt(int(x, 0, 2)) * 0x4000n + BigInt(int(x, 0, 0x3ff) * 8);
          emit(g, `movl r28=${hex(trPage)}`, `mov r29=${pick(x, [12, 14]) << 2}`);
          emit(g, `${pick(x, ['ptr.d', 'ptr.i'])} r28,r29`, 'srlz.d');
        }
      },
    ],
    [
      4,
      () => {
        const random = chance(x, 0.1);
        emit(g, `movl r28=${hex(random ? value(g) : va)}`);
        const op = weighted<string>(x, [
          [2, `tpa ${dst(g)}=r28`],
          // Not tak of an unimplemented address: Ski faults where the SDM returns 1.
          [random ? 0 : 2, `tak ${dst(g)}=r28`],
          // Not a regular probe of an unimplemented address: the project's spec makes it fault
          // (docs/spec/architecture.md §7) where the SDM and Ski return 0.
          [random ? 0 : 2, `probe.${pick(x, ['r', 'w'])} ${dst(g)}=r28,${pick(x, ['r0', src(g)])}`],
          [2, `probe.${pick(x, ['r', 'w', 'rw'])}.fault r28,${int(x, 0, 3)}`],
          [1, `fc r28`],
          // thash of an implemented address only (PTA.vf = 0): the short-format hash is
          // architected; a NaT result's value and ttag's tag are implementation specific.
          [random ? 0 : 1, `thash ${dst(g)}=r28`],
        ]);
        emit(g, op);
      },
    ],
    [2, () => vmSegment(g)],
  ])();
}

/** A few data accesses with PSR.dt = 1 to region-1 pages (some unmapped), then dt off again. */
function vmSegment(g: Gen) {
  const x = g.rnd;
  emit(g, 'ssm 0x20000', 'srlz.d');
  for (let i = int(x, 1, 4); i > 0; i--) {
    const size = pick(x, SIZES);
    const va = VA1 + BigInt(int(x, 0, 5)) * 0x4000n + BigInt(int(x, 0, 0x3fff / size) * size);
    emit(g, `movl r28=${hex(va)}`);
    emit(
      g,
      weighted<string>(x, [
        // At cpl > 0 the ssm above faults and dt stays 0: region-1 addresses are then
        // unimplemented physical addresses, where Ski does not defer ld.s (the SDM does).
        [3, `ld${size}${pick(x, g.cpl === 0 ? ['', '.s', '.acq'] : ['', '.acq'])} ${dst(g)}=[r28]`],
        [3, `st${size} [r28]=${src(g)}`],
        [1, `${pick(x, ['tpa', 'tak'])} ${dst(g)}=r28`],
        [1, `lfetch${pick(x, ['', '.fault'])} [r28]`],
      ]),
    );
  }
  emit(g, 'rsm 0x20000', 'srlz.d');
}

function item(g: Gen) {
  weighted<() => void>(g.rnd, [
    [10, () => emit(g, alu(g))],
    [5, () => memory(g)],
    [2, () => branch(g)],
    [g.cpl === 0 ? 4 : 2, () => system(g)],
  ])();
}

/** The prologue: region 1 (rid, 16 KiB pages, walker off), a valid PTA, random register values. */
function prologue(g: Gen) {
  emit(g, 'movl r28=0x2000000000000000', `movl r29=${hex(BigInt(int(g.rnd, 1, 0xffff) << 8) | (14n << 2n))}`);
  emit(g, 'mov rr[r28]=r29', 'srlz.d', `movl r28=${hex(0x10000000n | (15n << 2n))}`, 'mov cr.pta=r28', 'srlz.d');
  emit(g, `movl r30=${hex(DATA)}`);
  for (const n of DEST_GRS) emit(g, `movl r${n}=${hex(value(g))}`);
}

/** The assembly text of the random program `seed` with about `items` random items. */
export function generateProgram(seed: number, items: number): string {
  const g: Gen = { rnd: rng(seed), lines: [], tail: [], label: 0, cpl: 0 };
  prologue(g);
  // Some programs end at a lower privilege level, where the system items fault.
  const dropAt = chance(g.rnd, 0.3) ? int(g.rnd, 0, items) : items;
  for (let i = 0; i < items; i++) {
    if (i === dropAt) {
      g.cpl = int(g.rnd, 1, 3);
      g.lines.push(`\tENTER_CPL ${g.cpl}, cpl_${g.label++}`);
    }
    item(g);
  }
  return [
    `// generated by tools/ski/random (seed ${seed}, ${items} items): do not edit`,
    `// config: valen=${RANDOM_CONFIG.valen} palen=${RANDOM_CONFIG.palen}`,
    '\t.include "lib/ivt.inc"',
    '\t.text',
    '\t.global _start',
    '_start:',
    '\tSTART',
    ...g.lines,
    '\tbreak.i 0',
    '\t;;',
    ...g.tail,
    '\t.data',
    'data:',
    ...Array.from({ length: DATA_PATTERN_WORDS }, (_, i) => `\tdata8 ${hex(BigInt(i) * 0x0123456789abcdefn)}`),
    `\t.skip ${DATA_SIZE - DATA_PATTERN_WORDS * 8}`,
    '',
  ].join('\n');
}
