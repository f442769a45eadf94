// Stable text dump of the IR, used by golden tests and `vti gen --dump-ir`. One line per node,
// with its source location; the format only changes when the IR does.
import type { IRDesign, IRExpr, IRModule, IRStmt, Loc } from './types.js';

const at = (l: Loc) => `@${l.file}:${l.line}`;

function exprText(e: IRExpr): string {
  switch (e.op) {
    case 'const':
      return `const ${e.width}'h${e.value}${e.name ? ` (${e.name})` : ''}`;
    case 'ref':
      return `ref s${e.signal}`;
    case 'shli':
    case 'shri':
    case 'srai':
      return `${e.op} e${e.a} ${e.amount}`;
    case 'slice':
      return `slice e${e.a} [${e.hi}:${e.lo}]`;
    case 'concat':
      return `concat ${e.parts.map((p) => `e${p}`).join(' ')}`;
    case 'repl':
      return `repl e${e.a} x${e.count}`;
    case 'mux':
      return `mux e${e.sel} e${e.a} e${e.b}`;
    case 'zext':
    case 'sext':
    case 'trunc':
    case 'not':
    case 'neg':
    case 'redand':
    case 'redor':
    case 'redxor':
      return `${e.op} e${e.a}`;
    default:
      return `${e.op} e${e.a} e${e.b}`;
  }
}

function stmts(m: IRModule, list: readonly IRStmt[], indent: string, out: string[]): void {
  for (const s of list) {
    if (s.kind === 'assign') {
      const t = m.signals[s.target]!.name + (s.hi === undefined ? '' : `[${s.hi}:${s.lo}]`);
      out.push(`${indent}${t} = e${s.value}  ${at(s.loc)}`);
    } else if (s.kind === 'if') {
      out.push(`${indent}if e${s.cond}  ${at(s.loc)}`);
      stmts(m, s.then, indent + '  ', out);
      if (s.else.length) {
        out.push(`${indent}else`);
        stmts(m, s.else, indent + '  ', out);
      }
    } else {
      out.push(`${indent}switch e${s.subject}  ${at(s.loc)}`);
      for (const c of s.cases) {
        out.push(`${indent}  ${c.values.length ? `case ${c.values.map((v) => `'h${v}`).join(', ')}` : 'default'}`);
        stmts(m, c.body, indent + '    ', out);
      }
    }
  }
}

export function dumpModule(m: IRModule): string {
  const out: string[] = [`module ${m.name}  ${at(m.loc)}`];
  if (m.params) out.push(`  params ${JSON.stringify(m.params)}`);
  for (const s of m.signals) {
    const extra =
      s.kind === 'reg' ? ` clock=s${s.clock}${s.reset != null ? ` reset=s${s.reset} init='h${s.init}` : ''}` : '';
    const fields = s.fields ? ` {${s.fields.map((f) => `${f.name}@${f.lo}:${f.width}`).join(' ')}}` : '';
    out.push(
      `  s${s.id} ${s.kind} ${s.name} : ${s.width}${extra}${fields}${s.enumName ? ` enum ${s.enumName}` : ''}  ${at(s.loc)}`,
    );
  }
  m.exprs.forEach((e, i) => {
    out.push(`  e${i} = ${exprText(e)} : ${e.width}  ${at(e.loc)}`);
  });
  for (const p of m.processes) {
    out.push(
      p.kind === 'comb'
        ? `  comb  ${at(p.loc)}`
        : `  sync clock=s${p.clock}${p.reset != null ? ` reset=s${p.reset}` : ''}  ${at(p.loc)}`,
    );
    stmts(m, p.body, '    ', out);
  }
  for (const i of m.instances) {
    out.push(`  instance ${i.name} : ${i.module}  ${at(i.loc)}`);
    for (const [k, v] of Object.entries(i.inputs)) out.push(`    .${k} <- e${v}`);
    for (const [k, v] of Object.entries(i.outputs)) out.push(`    .${k} -> s${v}`);
  }
  return out.join('\n') + '\n';
}

export function dumpDesign(d: IRDesign): string {
  return `design ${d.top}\n` + d.modules.map(dumpModule).join('');
}
