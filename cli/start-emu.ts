// Entry of the `vti emu` start-up bundle (bin/bundle-start.js bundles it and everything it
// imports into dist/js/start-emu.cjs; bin/vti.cjs runs it while it matches the sources). One
// bundled file with a code cache loads several times faster than the ~65 modules behind
// `vti emu` one by one (Node 20 has no module compile cache). `commandsDir` is the sources'
// cli/commands folder, which lists the commands.
import { runProcess } from './main.js';

export function runBundled(argv: readonly string[], commandsDir: string): Promise<never> {
  return runProcess(argv, { dir: commandsDir, bundled: { emu: () => import('./commands/emu.js') } });
}
