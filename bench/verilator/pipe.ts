// The alternative transport, measured for the design decision in sim/verilator/README.md:
// the same verilated addr_check driven by a persistent child process over binary pipes,
// two batches in flight (double-buffered). Only used by bench/verilator/run.ts.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashOf, publishDir, defaultCacheDir } from '../../sim/verilator/cache.js';
import { runChecked } from '../../sim/verilator/exec.js';
import { baseCxxFlags, ensureRuntime, verilatorRoot } from '../../sim/verilator/runtime.js';
import { requireTool } from '../../sim/verilator/tools.js';

// Request: u32 n, then the addr column (2n words) and the wide column (n words).
// Reply: the ok column (n words).
const SERVER = `#include "Vaddr_check.h"
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>
void vl_finish(const char*, int, const char*) {}
void vl_stop(const char*, int, const char*) { throw std::runtime_error("stop"); }
void vl_fatal(const char*, int, const char*, const char* m) { throw std::runtime_error(m); }
static bool readAll(void* p, size_t n) {
  char* c = static_cast<char*>(p);
  while (n) { ssize_t r = read(0, c, n); if (r <= 0) return false; c += r; n -= r; }
  return true;
}
static void writeAll(const void* p, size_t n) {
  const char* c = static_cast<const char*>(p);
  while (n) { ssize_t r = write(1, c, n); if (r <= 0) _exit(1); c += r; n -= r; }
}
int main() {
  VerilatedContext ctx;
  Vaddr_check top(&ctx);
  std::vector<uint32_t> in, out;
  uint32_t n;
  while (readAll(&n, 4)) {
    in.resize(3 * size_t(n));
    out.resize(n);
    if (!readAll(in.data(), 12 * size_t(n))) return 1;
    const uint32_t* addr = in.data();
    const uint32_t* wide = in.data() + 2 * size_t(n);
    for (uint32_t v = 0; v < n; v++) {
      top.addr = (uint64_t(addr[2 * v + 1]) << 32) | addr[2 * v];
      top.wide = wide[v] & 1;
      top.eval();
      out[v] = top.ok;
    }
    writeAll(out.data(), 4 * size_t(n));
  }
  return 0;
}
`;

/** Build (cached) the pipe server next to the addon build in `modelDir`. */
export async function buildPipeServer(modelDir: string): Promise<string> {
  const version = requireTool('verilator');
  const root = verilatorRoot('verilator');
  const cacheDir = defaultCacheDir();
  const flags = [...baseCxxFlags(root), '-DVM_TRACE=0'];
  const dir = join(cacheDir, `bench-pipe-${hashOf({ modelDir, flags, SERVER }).slice(0, 16)}`);
  const runtime = await ensureRuntime(cacheDir, version, root, 'g++');
  await publishDir(dir, async (tmp) => {
    const obj = join(modelDir, 'obj');
    const parts = readdirSync(obj)
      .filter((f) => f.startsWith('Vaddr_check') && f.endsWith('.cpp'))
      .sort();
    writeFileSync(join(tmp, 'server.cpp'), SERVER);
    writeFileSync(
      join(tmp, 'unity.cpp'),
      [...parts.map((f) => join(obj, f)), join(tmp, 'server.cpp')].map((f) => `#include "${f}"`).join('\n') + '\n',
    );
    await runChecked('compiling the pipe server', 'g++', [
      ...flags,
      `-I${obj}`,
      join(tmp, 'unity.cpp'),
      runtime,
      '-o',
      join(tmp, 'server'),
    ]);
  });
  return join(dir, 'server');
}

/** A running server: send(batch) returns the ok column; batches are answered in order. */
export function startPipeServer(bin: string) {
  const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: { words: number; resolve: (col: Uint32Array) => void }[] = [];
  let chunks: Buffer[] = [];
  let have = 0;
  child.stdout.on('data', (b: Buffer) => {
    chunks.push(b);
    have += b.length;
    while (waiting.length && have >= waiting[0]!.words * 4) {
      const w = waiting.shift()!;
      const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const bytes = w.words * 4;
      const col = new Uint32Array(w.words);
      new Uint8Array(col.buffer).set(all.subarray(0, bytes));
      const rest = all.subarray(bytes);
      chunks = rest.length ? [rest] : [];
      have = rest.length;
      w.resolve(col);
    }
  });
  return {
    send(addr: Uint32Array, wide: Uint32Array): Promise<Uint32Array> {
      const n = wide.length;
      const head = new Uint32Array([n]);
      child.stdin.write(new Uint8Array(head.buffer));
      child.stdin.write(new Uint8Array(addr.buffer, addr.byteOffset, addr.byteLength));
      child.stdin.write(new Uint8Array(wide.buffer, wide.byteOffset, wide.byteLength));
      return new Promise((resolve) => waiting.push({ words: n, resolve }));
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        child.on('exit', () => resolve());
        child.stdin.end();
      });
    },
  };
}
