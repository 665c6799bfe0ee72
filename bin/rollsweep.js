#!/usr/bin/env node
// The CLI shim: register the TypeScript loader, then hand over to scanner/cli/main.ts.
import { register } from 'tsx/esm/api';
register();
const { runFromProcess } = await import('../scanner/cli/main.ts');
await runFromProcess();
