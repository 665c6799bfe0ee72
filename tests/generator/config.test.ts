// The sample config is valid against the config schema and states the standards the generator priced amounts with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../scanner/config/schema.ts';
import { PRESETS } from '../../sample-data/generator/options.ts';

describe('sample config', () => {
  it('parses with the config schema and matches the sample preset standards', () => {
    const config = configSchema.parse(JSON.parse(readFileSync('sample-data/rollsweep.config.json', 'utf8')));
    expect(config.standards.default).toEqual(PRESETS.sample.standards);
    expect(config.checks).toEqual({});
  });
});
