// rollsweep's version, from package.json, recorded with every run.
import { readFileSync } from 'node:fs';

export const ROLLSWEEP_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
