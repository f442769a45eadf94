// Verilator's own runtime (verilated.cpp & co.) is 3-4 s of compile time, far more than a
// design. It is compiled once per machine, as position-independent code, into
// .cache/verilator/runtime-<version>-<flags>/libverilated.a and linked into every model.
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hashOf, publishDir } from './cache.js';
import type { CacheNotice } from '../../cache/root.js';
import { runChecked } from './exec.js';

const RUNTIME_SOURCES = ['verilated', 'verilated_threads', 'verilated_vcd_c'];

/**
 * Warnings that Verilator's runtime and generated code trip, switched off on the command line
 * (as verilated.mk does); the unity file of a model turns them back on for the addon's own
 * files (build.ts), which compile warning-free with them.
 */
export const VERILATED_CODE_QUIET = [
  'bool-operation',
  'sign-compare',
  'uninitialized',
  'unused-but-set-variable',
  'unused-parameter',
  'unused-variable',
  'shadow',
] as const;

/** Compiler flags shared by the runtime and every model (one ABI for both). */
export function baseCxxFlags(root: string): string[] {
  return [
    '-std=gnu++17',
    '-O2',
    '-fPIC',
    '-fvisibility=hidden',
    '-pthread',
    `-I${root}/include`,
    `-I${root}/include/vltstd`,
    '-DVM_COVERAGE=0',
    '-DVM_SC=0',
    '-DVM_TRACE_FST=0',
    '-DVM_TRACE_VCD=1',
    // vl_finish/vl_stop/vl_fatal are supplied by the addon (they must not exit Node).
    '-DVL_USER_FINISH',
    '-DVL_USER_STOP',
    '-DVL_USER_FATAL',
    '-faligned-new',
    '-fcf-protection=none',
    ...VERILATED_CODE_QUIET.map((w) => `-Wno-${w}`),
  ];
}

const rootCache = new Map<string, string>();

/** The VERILATOR_ROOTs this thread has asked for (to hand to a worker thread: rememberVerilatorRoots). */
export const verilatorRootsKnown = (): [string, string][] => [...rootCache];

/** Roots another thread found (verilatorRootsKnown), so this one does not run verilator again. */
export function rememberVerilatorRoots(known: readonly (readonly [string, string])[]): void {
  for (const [k, v] of known) if (!rootCache.has(k)) rootCache.set(k, v);
}

/** VERILATOR_ROOT as reported by the given verilator binary. */
export function verilatorRoot(bin: string): string {
  let r = rootCache.get(bin);
  if (!r) {
    r = execFileSync(bin, ['--getenv', 'VERILATOR_ROOT'], { encoding: 'utf8' }).trim();
    rootCache.set(bin, r);
  }
  return r;
}

const pending = new Map<string, Promise<string>>();

/** Bumped when the folders' layout changes: 2 added the manifest (size, sha256) checked before use. */
const LAYOUT = 2;

const entryCheck = (files: string[], what: string, say: CacheNotice | undefined) => ({
  files,
  what,
  ...(say ? { say } : {}),
});

function versionTag(version: string): string {
  return version
    .replace(/^Verilator\s+/, '')
    .split(/\s+/)[0]!
    .replace(/[^A-Za-z0-9.]/g, '');
}

/** Headers every model's unity file starts with; precompiled once (saves ~0.6 s a model). */
const PCH_TEXT = [
  '#include <node_api.h>',
  '#include <algorithm>',
  '#include <cstdint>',
  '#include <cstdio>',
  '#include <stdexcept>',
  '#include <string>',
  '#include <vector>',
  '#include "verilated.h"',
  '',
].join('\n');
export const PCH_NAME = 'vti_pch.h';

/**
 * Directory holding vti_pch.h and its .gch for `flags` (the exact model compile flags:
 * GCC ignores a PCH built with different ones, which is still correct, only slower).
 */
export function ensurePch(
  cacheDir: string,
  version: string,
  cxx: string,
  flags: string[],
  say?: CacheNotice,
): Promise<string> {
  const dir = join(
    cacheDir,
    `pch-${versionTag(version)}-${hashOf({ version, cxx, flags, PCH_TEXT, LAYOUT }).slice(0, 12)}`,
  );
  let p = pending.get(dir);
  if (!p) {
    p = publishDir(
      dir,
      async (tmp) => {
        writeFileSync(join(tmp, PCH_NAME), PCH_TEXT);
        await runChecked('precompiling the model headers', cxx, [
          ...flags,
          '-x',
          'c++-header',
          join(tmp, PCH_NAME),
          '-o',
          join(tmp, `${PCH_NAME}.gch`),
        ]);
      },
      entryCheck([PCH_NAME, `${PCH_NAME}.gch`], 'the precompiled model headers', say),
    ).then(({ dir: d }) => d);
    pending.set(dir, p);
    p.catch(() => pending.delete(dir));
  }
  return p;
}

/** Path of libverilated.a for this Verilator version and flag set, building it if needed. */
export function ensureRuntime(
  cacheDir: string,
  version: string,
  root: string,
  cxx: string,
  say?: CacheNotice,
): Promise<string> {
  const flags = [...baseCxxFlags(root), '-DVM_TRACE=1'];
  const dir = join(
    cacheDir,
    `runtime-${versionTag(version)}-${hashOf({ version, root, cxx, flags, RUNTIME_SOURCES, LAYOUT }).slice(0, 12)}`,
  );
  let p = pending.get(dir);
  if (!p) {
    p = publishDir(
      dir,
      async (tmp) => {
        await Promise.all(
          RUNTIME_SOURCES.map((s) =>
            runChecked(`compiling Verilator runtime ${s}.cpp`, cxx, [
              ...flags,
              '-c',
              join(root, 'include', `${s}.cpp`),
              '-o',
              join(tmp, `${s}.o`),
            ]),
          ),
        );
        await runChecked('archiving the Verilator runtime', 'ar', [
          'rcs',
          join(tmp, 'libverilated.a'),
          ...RUNTIME_SOURCES.map((s) => join(tmp, `${s}.o`)),
        ]);
      },
      entryCheck(['libverilated.a'], 'the Verilator runtime', say),
    ).then(({ dir: d }) => join(d, 'libverilated.a'));
    pending.set(dir, p);
    p.catch(() => pending.delete(dir));
  }
  return p;
}
