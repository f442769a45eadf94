// Run by cache-heal.test.ts in a fresh Node process (a model damaged on disk must never be
// loaded into the test's own process): builds or loads the probe model of argv[2] (the nonce)
// in the cache folder argv[3], evaluates x = 40 and prints {y, built} as JSON on stdout.
import { buildInfo, buildVerilatorModel } from '../../../sim/verilator/index.js';
import { healProbe } from './cache-heal-probe.js';

const [nonce, cacheDir] = process.argv.slice(2);
const model = await buildVerilatorModel(healProbe(nonce!), { cacheDir: cacheDir! });
const out = await model.evalBatch({ x: new Uint32Array([40]) }, 1);
process.stdout.write(
  `${JSON.stringify({ y: out.y![0], built: buildInfo(model)!.built, dir: buildInfo(model)!.dir })}\n`,
);
await model.close();
