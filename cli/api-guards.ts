// The library API's front door (bin/api.js): each exported function checks the arguments a
// JavaScript caller can get wrong (types, ranges, names, paths) and throws one clear Error
// naming the function, before anything deep inside meets them as a TypeError, a hang (an
// unknown engine built Verilator models) or a silently accepted value.
import { existsSync, statSync } from 'node:fs';
import { checkConfig, VTI_MODULES } from '../gen/vti.js';
import { ENGINES } from '../sim/engine.js';

type Check = (args: readonly unknown[]) => void;

const show = (v: unknown): string =>
  v === null ? 'null' : typeof v === 'string' ? `'${v}'` : typeof v === 'object' ? typeof v : String(v);

function fail(fn: string, why: string): never {
  throw new Error(`${fn}: ${why}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function moduleName(fn: string, name: unknown): void {
  if (!VTI_MODULES.includes(name as never))
    fail(fn, `unknown module ${show(name)} (available: ${VTI_MODULES.join(', ')})`);
}

function config(c: unknown): void {
  if (c !== undefined) checkConfig(c as never);
}

function design(fn: string, d: unknown): void {
  if (!isObject(d) || typeof d.top !== 'string' || !Array.isArray(d.modules))
    fail(fn, `expected an IRDesign { top, modules } (from elaborate(...).design or vtiDesign), got ${show(d)}`);
  if (!d.modules.some((m) => isObject(m) && m.name === d.top))
    fail(fn, `the design's top '${d.top}' is not one of its modules`);
  for (const m of d.modules) irModule(fn, m);
}

function irModule(fn: string, m: unknown): void {
  if (!isObject(m) || typeof m.name !== 'string' || !Array.isArray(m.signals))
    fail(fn, `expected an IR module { name, signals, … } (an element of design.modules), got ${show(m)}`);
}

function int(fn: string, what: string, v: unknown, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
    fail(fn, `${what} must be an integer between ${min} and ${max}, got ${show(v)}`);
}

const name = (fn: string, v: unknown) => {
  if (typeof v !== 'string' || v === '') fail(fn, `expected a name (a non-empty string), got ${show(v)}`);
};

const CHECKS: Readonly<Record<string, Check>> = {
  generateVti: ([c]) => config(c),
  checkConfig: () => {}, // checks its argument itself
  vtiSpec: ([n, c]) => (moduleName('vtiSpec', n), config(c)),
  vtiDesign: ([n, c]) => (moduleName('vtiDesign', n), config(c)),
  vtiModule: ([n, c]) => (moduleName('vtiModule', n), config(c)),
  emitDesign: ([d]) => design('emitDesign', d),
  moduleSpec: ([d]) => design('moduleSpec', d),
  emitModule: ([m]) => irModule('emitModule', m),
  portsOf: ([m]) => irModule('portsOf', m),
  defineModule: ([n, body]) => {
    name('defineModule', n);
    if (typeof body !== 'function') fail('defineModule', `expected a body function (m) => { … }, got ${show(body)}`);
  },
  elaborate: ([top]) => {
    if (!isObject(top) || !isObject(top.ir) || !Array.isArray(top.children))
      fail('elaborate', `expected a module made by defineModule, got ${show(top)}`);
  },
  bundleType: ([n, width, layout]) => {
    name('bundleType', n);
    int('bundleType', 'width', width, 1, 1 << 20);
    if (!isObject(layout)) fail('bundleType', `expected a layout { field: [lo, width] }, got ${show(layout)}`);
  },
  enumType: ([n, width, values]) => {
    name('enumType', n);
    int('enumType', 'width', width, 1, 52);
    if (!isObject(values) || Object.keys(values).length === 0)
      fail('enumType', `expected at least one member { NAME: value }, got ${show(values)}`);
  },
  widthOf: ([t]) => {
    if (typeof t !== 'number' && !(isObject(t) && typeof t.width === 'number'))
      fail('widthOf', `expected a width or a bundle/enum type, got ${show(t)}`);
  },
  createEngine: ([engine, d]) => {
    if (!ENGINES.includes(engine as never))
      fail('createEngine', `unknown engine ${show(engine)} (available: ${ENGINES.join(', ')})`);
    design('createEngine', d);
  },
  buildReport: ([o]) => {
    const fn = 'buildReport';
    if (!isObject(o))
      fail(fn, `expected options { out, vectors, seed, engine, iterations, flushCycles }, got ${show(o)}`);
    if (typeof o.out !== 'string' || o.out === '') fail(fn, `out must be a folder name, got ${show(o.out)}`);
    if (existsSync(o.out) && !statSync(o.out).isDirectory()) fail(fn, `out '${o.out}' is a file, not a folder`);
    int(fn, 'vectors', o.vectors, 0, 1_000_000_000);
    int(fn, 'seed', o.seed, 0, Number.MAX_SAFE_INTEGER);
    if (!ENGINES.includes(o.engine as never))
      fail(fn, `unknown engine ${show(o.engine)} (available: ${ENGINES.join(', ')})`);
    int(fn, 'iterations', o.iterations, 1, 10_000);
    int(fn, 'flushCycles', o.flushCycles, 0, 10_000);
    config(o.gen);
  },
  summarize: ([r]) => {
    if (!isObject(r) || !isObject(r.data)) fail('summarize', `expected the result of buildReport, got ${show(r)}`);
  },
};

/** `api` with each function of CHECKS checking its arguments first; everything else as it is. */
export function guardApi<T extends Record<string, unknown>>(api: T): T {
  const out: Record<string, unknown> = { ...api };
  for (const [k, check] of Object.entries(CHECKS)) {
    const f = api[k];
    if (typeof f !== 'function') continue;
    // async functions reject (not throw) like the function itself would
    out[k] =
      f.constructor.name === 'AsyncFunction'
        ? async (...args: unknown[]) => (check(args), f(...args))
        : (...args: unknown[]) => (check(args), f(...args));
  }
  return out as T;
}
