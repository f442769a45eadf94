// The entry of the start-up bundle: bin/build-js.js bundles this file and what it imports into
// dist/js/ (esbuild, one file per entry plus shared chunks), and bin/vti.js runs it for the top
// help and `vti emu` while it matches the sources. One bundled file loads several times faster
// than the ~65 modules behind `vti emu` one by one (Node 20 has no module compile cache). The
// emu command is a separate chunk, imported only when asked for, so `vti --help` does not load
// the model. `commandsDir` is the cli/commands folder of the sources, which lists the commands.
import { runProcess } from './main.js';

export function runBundled(argv: readonly string[], commandsDir: string): Promise<never> {
  return runProcess(argv, { dir: commandsDir, bundled: { emu: () => import('./commands/emu.js') } });
}
