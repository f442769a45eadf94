#!/usr/bin/env node
// Entry point of the `vti` bin: runs the TypeScript CLI through tsx's loader. cli/main.ts's
// runProcess owns the process: exit codes, internal errors (exit 70 with a saved stack trace),
// a closed or full stdout.
import { register } from 'tsx/esm/api';

register();
const { runProcess } = await import(new URL('../cli/main.ts', import.meta.url).href);
await runProcess(process.argv.slice(2));
