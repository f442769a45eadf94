#!/usr/bin/env node
// Entry point of the `vti` bin: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../cli/main.ts', import.meta.url).href);
process.exit(await main(process.argv.slice(2)));
