// `vti demo`: the same guest workload under VT-i trap-and-emulate, VT-i para-virtualization
// (vmsw) and classic trap-and-emulate without VT-i, compared in one table. Logic: demo/.
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { DEFAULT_FLUSH_CYCLES } from '../../demo/cost.js';
import { formatTable, runDemo } from '../../demo/techniques.js';

// ~1.3 M emulated steps per 1000 iterations (about 12 s): keep a run within minutes.
export const MAX_ITERATIONS = 10_000;

export const command: Command = {
  positionals: true,
  summary: 'compare VT-i trap-and-emulate, vmsw para-virtualization and classic trap-and-emulate',
  usage: '[--iterations N] [--flush-cycles N] [--json]',
  flags: {
    iterations: { type: 'int', help: 'workload iterations (6 privileged operations each)', default: 100, metavar: 'N' },
    'flush-cycles': {
      type: 'int',
      help: 'cycles charged per interruption (pipeline flush)',
      default: DEFAULT_FLUSH_CYCLES,
      metavar: 'N',
    },
    json: { type: 'bool', help: 'print the results as JSON' },
  },
  async run({ flags, positional }) {
    if (positional.length) throw new UserError(`unexpected argument '${positional[0]}' (demo takes options only)`);
    const iterations = flags.iterations as number;
    const flush = flags['flush-cycles'] as number;
    if (iterations < 1 || iterations > MAX_ITERATIONS)
      throw new UserError(`--iterations must be between 1 and ${MAX_ITERATIONS}, got ${iterations}`);
    if (flush < 0 || flush > 10_000) throw new UserError(`--flush-cycles must be between 0 and 10000, got ${flush}`);
    const result = await runDemo(iterations, flush);
    process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + '\n' : formatTable(result));
    return 0;
  },
};
