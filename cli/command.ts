// The shape of one `vti` sub-command. Each lives in cli/commands/<name>.ts and exports
// `command` of this type; cli/main.ts loads it by name, so adding a command touches no other file.
import type { FlagSpecs, Parsed } from './args.js';

export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly flags: FlagSpecs;
  /** Takes positional arguments (and checks them in `run`); otherwise any positional is a usage error. */
  readonly positionals?: boolean;
  /** Returns the process exit code. */
  run(args: Parsed): Promise<number>;
}
