// The test ID helper itself: it must produce what GB 11643 says, or every ID test above proves nothing.
import { describe, expect, it } from 'vitest';
import { checkCharacter, fullWidth, legacyId, upgradeLegacyId, validId, wrongCheckId } from './id-numbers.ts';

describe('tests/checks/id-numbers.ts', () => {
  it('reproduces the worked examples of GB 11643-1999', () => {
    expect(validId('110105', '19491231', '002')).toBe('11010519491231002X');
    expect(validId('440524', '18800101', '001')).toBe('440524188001010014');
  });

  it('gives a wrong check character for wrongCheckId', () => {
    const wrong = wrongCheckId('110101', '19900307', '451');
    expect(wrong.slice(0, 17)).toBe('11010119900307451');
    expect(wrong[17]).not.toBe(checkCharacter('11010119900307451'));
  });

  it('upgrades a 15-digit ID by inserting 19 and adding the check character', () => {
    expect(upgradeLegacyId(legacyId('110105', '491231', '002'))).toBe('11010519491231002X');
  });

  it('writes full-width digits and letters', () => {
    expect(fullWidth('11010519491231002X')).toBe('１１０１０５１９４９１２３１００２Ｘ');
  });
});
