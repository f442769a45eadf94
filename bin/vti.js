#!/usr/bin/env node
// Entry point of the `vti` bin: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

register();
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { main } = await import(pathToFileURL(join(root, 'cli', 'main.ts')).href);
process.exit(await main(process.argv.slice(2)));
