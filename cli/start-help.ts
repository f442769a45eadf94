// Entry of the `vti --help` start-up bundle (dist/js/start-help.cjs, as cli/start-emu.ts): the
// process and the top help alone, so the help does not load the golden model. `commandsDir` is
// the sources' cli/commands folder, which lists the commands.
import { runProcess } from './main.js';

export function runBundled(argv: readonly string[], commandsDir: string): Promise<never> {
  return runProcess(argv, { dir: commandsDir });
}
