// Name spellings the generator writes into reference lists normalise back to the roll's name (so they flag nothing).
import { describe, expect, it } from 'vitest';
import { alteredName, nameVariant, randomName, toFullWidth, traditionalForm } from '../../sample-data/generator/names.ts';
import { Random } from '../../sample-data/generator/random.ts';
import { normaliseName } from './support/clean-files.ts';

describe('name variants', () => {
  it('every variant normalises (full-width, spaces, dots, traditional → simplified) to the same name', () => {
    const rng = new Random('names');
    let traditional = 0;
    for (let i = 0; i < 3000; i++) {
      const name = randomName(rng, rng.chance(0.5));
      const variant = nameVariant(rng, name);
      if (variant === null) continue;
      expect(variant).not.toBe(name);
      expect(normaliseName(variant), `${name} → ${variant}`).toBe(normaliseName(name));
      if (traditionalForm(name) === variant) traditional += 1;
    }
    expect(traditional).toBeGreaterThan(300);
    expect(normaliseName(toFullWidth('阮氏HOA'))).toBe('阮氏HOA');
    expect(normaliseName('买买提．艾力')).toBe(normaliseName('买买提·艾力'));
  });

  it('an altered name really is another name', () => {
    const rng = new Random('altered');
    for (let i = 0; i < 500; i++) {
      const name = randomName(rng, true);
      expect(normaliseName(alteredName(rng, name, true))).not.toBe(normaliseName(name));
    }
  });
});
