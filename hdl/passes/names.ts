// Names pass: identifiers must be legal and unique within a module (signals and instances);
// names that are Verilog or SystemVerilog keywords are renamed predictably to `<name>_`
// (more underscores if that is taken), with a warning, so backends can emit them as is.
import { formatLoc } from '../ir/loc.js';
import { CPP_WORDS, HDL_KEYWORDS, IDENTIFIER } from '../ir/keywords.js';
import type { IRModule, Loc } from '../ir/types.js';
import type { PassContext } from './context.js';

function renameKeys(map: Readonly<Record<string, number>>, renames: ReadonlyMap<string, string> | undefined): void {
  if (!renames) return;
  const rec = map as Record<string, number>;
  for (const [from, to] of renames)
    if (from in rec) {
      rec[to] = rec[from]!;
      delete rec[from];
    }
}

export function checkNames(ctx: PassContext): void {
  const modules = new Map<string, IRModule>();
  const portRenames = new Map<string, Map<string, string>>();
  for (const m of ctx.design.modules) {
    for (const inst of m.instances) {
      renameKeys(inst.inputs, portRenames.get(inst.module));
      renameKeys(inst.outputs, portRenames.get(inst.module));
    }
    const prev = modules.get(m.name);
    if (prev && prev !== m)
      ctx.error('name', m, m.loc, `duplicate module name '${m.name}' (first defined at ${formatLoc(prev.loc)})`);
    modules.set(m.name, m);
    if (!IDENTIFIER.test(m.name)) ctx.error('name', m, m.loc, `module name '${m.name}' is not a legal identifier`);
    else if (HDL_KEYWORDS.has(m.name))
      ctx.error('name', m, m.loc, `module name '${m.name}' is a Verilog/SystemVerilog keyword`);

    const seen = new Map<string, Loc>();
    const renamed = new Map<string, string>();
    portRenames.set(m.name, renamed);
    const items: { name: string; loc: Loc; rename: (n: string) => void }[] = [
      ...m.signals.map((s) => ({
        name: s.name,
        loc: s.loc,
        rename: (n: string) => {
          if (s.kind === 'input' || s.kind === 'output') renamed.set(s.name, n);
          s.name = n;
        },
      })),
      ...m.instances.map((i) => ({
        name: i.name,
        loc: i.loc,
        rename: (n: string) => {
          i.name = n;
        },
      })),
    ];
    for (const it of items) {
      if (!IDENTIFIER.test(it.name)) {
        ctx.error(
          'name',
          m,
          it.loc,
          `'${it.name}' is not a legal identifier (letters, digits and _, not starting with a digit)`,
        );
        continue;
      }
      const first = seen.get(it.name);
      if (first) ctx.error('name', m, it.loc, `duplicate name '${it.name}' (first declared at ${formatLoc(first)})`);
      else seen.set(it.name, it.loc);
    }
    const taken = new Set(items.map((i) => i.name));
    for (const it of items) {
      const hdl = HDL_KEYWORDS.has(it.name);
      if (!hdl && !CPP_WORDS.has(it.name)) continue;
      let n = it.name + '_';
      while (taken.has(n)) n += '_';
      taken.add(n);
      const what = hdl ? 'a Verilog/SystemVerilog keyword' : 'a C++ reserved word (rejected by Verilator)';
      ctx.report('warning', 'name', m, it.loc, `'${it.name}' is ${what}: renamed to '${n}'`);
      it.rename(n);
    }
  }
}
