#!/usr/bin/env node
// The CLI shim: run scanner/cli/main.ts from its one-file bundle (compiled-cli.js). Where that cannot be built, or
// with ROLLSWEEP_FROM_SOURCE=1 (an internal error's stack trace then names the TypeScript files and lines), the
// TypeScript itself runs through tsx.
import { compiledCli } from './compiled-cli.js';

const bundle = process.env.ROLLSWEEP_FROM_SOURCE === '1' ? undefined : await compiledCli();
const { runFromProcess } = bundle ? await import(bundle) : await viaTsx();
await runFromProcess();

async function viaTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../scanner/cli/main.ts');
}
