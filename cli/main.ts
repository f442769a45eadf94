#!/usr/bin/env node
// `vti` — the project's command line. Sub-commands live in cli/commands/<name>.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { UsageError, helpText, parseArgs } from './args.js';
import type { Command } from './command.js';
import { describeFsError, fsReason } from './fs-errors.js';
import { INTERNAL_ERROR_EXIT, reportInternalError } from './internal-error.js';

export const COMMANDS = ['all', 'gen', 'sim', 'cosim', 'formal', 'emu', 'demo', 'report', 'merge', 'regress'] as const;

/**
 * Where `main` finds the sub-commands: the folder of their files (cli/commands), and any already
 * bundled into the running program (the start-up bundle of cli/start-emu.ts), loaded without a file.
 */
export interface CommandSet {
  readonly dir: string;
  readonly bundled?: Readonly<Partial<Record<CommandName, () => Promise<{ command: Command }>>>>;
}
export type CommandName = (typeof COMMANDS)[number];

/** The commands next to this file (run from the sources, or from a checkout through tsx). */
const sourceCommands = (): CommandSet => ({ dir: join(dirname(fileURLToPath(import.meta.url)), 'commands') });

function commandFile(set: CommandSet, name: string): string | undefined {
  for (const ext of ['.ts', '.js']) {
    const file = join(set.dir, name + ext);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Only the requested command is imported, so one command's dependencies never break another. */
async function loadCommand(set: CommandSet, name: CommandName): Promise<Command | undefined> {
  const bundled = set.bundled?.[name];
  if (bundled) return (await bundled()).command;
  const file = commandFile(set, name);
  return file ? ((await import(pathToFileURL(file).href)) as { command: Command }).command : undefined;
}

function topHelp(available: string[]): string {
  return (
    `vti — VT-i virtualization hardware toolkit\n\nusage: vti <command> [options]\n\ncommands: ${available.join(', ')}\n` +
    `run 'vti <command> --help' for the options of one command\n`
  );
}

export async function main(argv: readonly string[], commands: CommandSet = sourceCommands()): Promise<number> {
  const available: CommandName[] = COMMANDS.filter((c) => commandFile(commands, c) !== undefined);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(topHelp(available));
    return name ? 0 : 2;
  }
  const known = available.find((c) => c === name);
  const cmd = known ? await loadCommand(commands, known) : undefined;
  if (!cmd) {
    process.stderr.write(`vti: unknown command '${name}' (available: ${available.join(', ')})\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpText(name, cmd.summary, cmd.usage, cmd.flags));
    return 0;
  }
  try {
    return await cmd.run(parseArgs(name, rest, cmd.flags, { positionals: cmd.positionals === true }));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    if (e instanceof Error && (e as Error & { userFacing?: boolean }).userFacing) {
      process.stderr.write(`vti ${name}: ${e.message}\n`);
      return (e as Error & { exitCode?: number }).exitCode ?? 1;
    }
    const fs = describeFsError(e);
    if (fs) {
      process.stderr.write(`vti ${name}: ${fs}\n`);
      return 1;
    }
    throw e;
  }
}

/** `main` with any other error (a bug) reported as one line and a saved stack trace: exit 70. */
export async function mainReportingBugs(argv: readonly string[], commands?: CommandSet): Promise<number> {
  try {
    return await main(argv, commands);
  } catch (e) {
    process.stderr.write(reportInternalError(argv, e) + '\n');
    return INTERNAL_ERROR_EXIT;
  }
}

/**
 * The process around `vti` (bin/vti.js, or this file run directly): a reader that closes stdout
 * early (`vti … | head -1`) ends the run quietly; a stdout that cannot be written (`> /dev/full`)
 * is an error of one line, exit 1; stdout is flushed before exiting with the command's code.
 */
export async function runProcess(argv: readonly string[], commands?: CommandSet): Promise<never> {
  const stdoutFailed = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`vti: cannot write to stdout: ${fsReason(e) ?? e.message}\n`);
    process.exit(1);
  };
  process.stdout.on('error', stdoutFailed);
  process.stderr.on('error', () => {}); // nowhere left to say it
  const bug = (e: unknown) => {
    process.stderr.write(reportInternalError(argv, e) + '\n');
    process.exit(INTERNAL_ERROR_EXIT);
  };
  process.on('uncaughtException', bug);
  process.on('unhandledRejection', bug);
  const code = await mainReportingBugs(argv, commands);
  await new Promise<void>((done) =>
    process.stdout.write('', (e) => (e ? stdoutFailed(e as NodeJS.ErrnoException) : done())),
  );
  process.exit(code);
}

// Run directly (`tsx cli/main.ts`): runProcess ends the process itself, so nothing awaits it (no
// top-level await: the start-up bundle is CommonJS, bin/bundle-start.js).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void runProcess(process.argv.slice(2));
