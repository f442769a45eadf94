// Where the Ski differential programs live, and the defaults of the scripts. Fixture
// directories are passed down by the callers (the test names its own; the scripts default
// to test/fixtures/ski under the current working directory).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/ski/programs: the directed programs, lib/ivt.inc and programs.ld. */
export const SKI_PROGRAMS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'programs');
/** The scripts' fixture directory unless told otherwise: test/fixtures/ski under the cwd. */
export const defaultFixturesDir = (): string => resolve('test', 'fixtures', 'ski');
/** Where the scripts build the programs: out/ski-programs under the cwd. */
export const defaultProgramsOutDir = (): string => resolve('out', 'ski-programs');
/** Step limit of a recorded run. */
export const MAX_STEPS = 500;
