// Generator-option checking shared by the four references: unknown keys and wrong types are
// rejected with a message that names the block and the option (typos must not pass silently).

export function checkOptionKeys(block: string, opts: object, known: readonly string[]): void {
  for (const k of Object.keys(opts))
    if (!known.includes(k)) throw new Error(`${block}: unknown option '${k}' (known: ${known.join(', ')})`);
}

export function boolOption(block: string, name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new Error(`${block}: option ${name} must be a boolean, got ${JSON.stringify(v)}`);
  return v;
}
