// A strict reader of the VCD header and value changes (IEEE 1364-2005 §18.2), stricter than
// GTKWave on purpose: what it accepts, GTKWave opens. Returns the problems (empty: valid).
const TIMESCALE = /^(1|10|100)\s*(s|ms|us|ns|ps|fs)$/;
const VAR_TYPES = new Set([
  'event',
  'integer',
  'parameter',
  'real',
  'realtime',
  'reg',
  'supply0',
  'supply1',
  'time',
  'tri',
  'triand',
  'trior',
  'trireg',
  'tri0',
  'tri1',
  'wand',
  'wire',
  'wor',
  'string',
]);
const SCOPE_TYPES = new Set(['begin', 'fork', 'function', 'module', 'task']);
const ID = /^[\x21-\x7e]+$/;

export interface VcdInfo {
  readonly problems: string[];
  readonly vars: Map<string, { readonly path: string; readonly size: number; readonly type: string }>;
  readonly timescale?: string;
  readonly lastTime: number;
  readonly changes: number;
}

export function checkVcd(text: string): VcdInfo {
  const problems: string[] = [];
  const vars = new Map<string, { path: string; size: number; type: string }>();
  const tokens = text.split(/\s+/).filter(Boolean);
  let i = 0,
    timescale: string | undefined,
    depth = 0,
    defsDone = false,
    lastTime = -1,
    changes = 0;
  const scope: string[] = [];
  const untilEnd = (cmd: string): string[] => {
    const body: string[] = [];
    while (i < tokens.length && tokens[i] !== '$end') body.push(tokens[i++]!);
    if (i >= tokens.length) problems.push(`${cmd} without $end`);
    i++;
    return body;
  };
  while (i < tokens.length && !defsDone) {
    const t = tokens[i++]!;
    switch (t) {
      case '$date':
      case '$version':
      case '$comment':
        untilEnd(t);
        break;
      case '$timescale': {
        timescale = untilEnd(t).join(' ');
        if (!TIMESCALE.test(timescale)) problems.push(`bad $timescale '${timescale}'`);
        break;
      }
      case '$scope': {
        const b = untilEnd(t);
        if (b.length !== 2 || !SCOPE_TYPES.has(b[0]!)) problems.push(`bad $scope '${b.join(' ')}'`);
        scope.push(b[1] ?? '?');
        depth++;
        break;
      }
      case '$upscope': {
        if (untilEnd(t).length) problems.push('$upscope with arguments');
        if (--depth < 0) problems.push('$upscope without $scope');
        scope.pop();
        break;
      }
      case '$var': {
        const b = untilEnd(t);
        const [type, size, id, ref, range] = b;
        if (b.length < 4 || b.length > 5) {
          problems.push(`bad $var '${b.join(' ')}'`);
          break;
        }
        if (!VAR_TYPES.has(type!)) problems.push(`$var ${ref}: unknown type '${type}'`);
        if (!/^[1-9]\d*$/.test(size!)) problems.push(`$var ${ref}: bad size '${size}'`);
        if (!ID.test(id!)) problems.push(`$var ${ref}: bad id code '${id}'`);
        if (range !== undefined && !/^\[\d+(:\d+)?\]$/.test(range)) problems.push(`$var ${ref}: bad range '${range}'`);
        if (depth === 0) problems.push(`$var ${ref} outside any $scope`);
        const prev = vars.get(id!);
        if (prev && prev.size !== Number(size)) problems.push(`id ${id} declared with sizes ${prev.size} and ${size}`);
        if (!prev) vars.set(id!, { path: [...scope, ref].join('.'), size: Number(size), type: type! });
        break;
      }
      case '$enddefinitions':
        untilEnd(t);
        defsDone = true;
        break;
      default:
        problems.push(`unexpected '${t}' in the header`);
        untilEnd(t);
    }
  }
  if (!defsDone) problems.push('no $enddefinitions');
  if (depth !== 0) problems.push(`${depth} $scope(s) not closed at $enddefinitions`);
  if (!timescale) problems.push('no $timescale');
  if (!vars.size) problems.push('no $var');
  const known = (id: string | undefined, what: string) => {
    const v = id === undefined ? undefined : vars.get(id);
    if (!v) problems.push(`${what}: undeclared id '${id}'`);
    return v;
  };
  while (i < tokens.length) {
    const t = tokens[i++]!;
    if (t.startsWith('#')) {
      if (!/^#\d+$/.test(t)) {
        problems.push(`bad time '${t}'`);
        continue;
      }
      const now = Number(t.slice(1));
      if (now < lastTime) problems.push(`time goes back: #${lastTime} then ${t}`);
      lastTime = now;
    } else if (
      t === '$dumpvars' ||
      t === '$dumpall' ||
      t === '$dumpon' ||
      t === '$dumpoff' ||
      t === '$end' ||
      t === '$comment'
    ) {
      if (t === '$comment') untilEnd(t);
    } else if (/^[bB]/.test(t)) {
      const bits = t.slice(1),
        id = tokens[i++];
      if (!/^[01xzXZ]+$/.test(bits)) problems.push(`bad vector value '${t}'`);
      const v = known(id, t);
      if (v && bits.length > v.size) problems.push(`${v.path}: ${bits.length} bits for a ${v.size}-bit var`);
      changes++;
    } else if (/^[rR]/.test(t)) {
      if (Number.isNaN(Number(t.slice(1)))) problems.push(`bad real '${t}'`);
      known(tokens[i++], t);
      changes++;
    } else if (/^[01xzXZ]/.test(t)) {
      const v = known(t.slice(1), t);
      if (v && v.size !== 1) problems.push(`${v.path}: scalar change for a ${v.size}-bit var`);
      changes++;
    } else problems.push(`unexpected '${t}' in the value changes`);
    if (changes && lastTime < 0 && problems.length === 0) problems.push('value change before the first #time');
  }
  return { problems, vars, ...(timescale ? { timescale } : {}), lastTime, changes };
}
