// `--interrupt STEP:VECTOR` of `vti emu`: an external interrupt raised before step STEP (the
// emulator's step numbering, emulator.md), vector 0 (ExtINT), 2 (NMI) or 16..255; decimal or
// 0x-hex numbers. Bad values are one-line errors naming the flag.
import { UserError } from './errors.js';
import { isPendableVector, type ScheduledInterrupt } from '../model/emulator.js';

const NUMBER = /^(0x[0-9a-f]+|\d+)$/i;

export function parseInterruptFlag(value: string): ScheduledInterrupt {
  const m = /^([^:]*):([^:]*)$/.exec(value);
  if (!m) throw new UserError(`--interrupt expects STEP:VECTOR (e.g. 1000:0x40), got '${value}'`);
  const [, stepText, vectorText] = m as unknown as [string, string, string];
  if (!NUMBER.test(stepText) || !Number.isSafeInteger(Number(stepText)))
    throw new UserError(`--interrupt: STEP must be a non-negative integer, got '${stepText}' in '${value}'`);
  const vector = NUMBER.test(vectorText) ? Number(vectorText) : Number.NaN;
  if (!isPendableVector(vector))
    throw new UserError(
      `--interrupt: VECTOR must be 0 (ExtINT), 2 (NMI) or 16..255, got '${vectorText}' in '${value}'`,
    );
  return { step: Number(stepText), vector };
}
