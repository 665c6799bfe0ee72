// Test helper: real GB 11643-1999 ID numbers (ISO 7064 MOD 11-2 check character) and the ways exports mangle them.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits, got ${first17}`);
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/** An 18-digit ID that passes MOD 11-2: validId('110101', '19900307', '451'). */
export function validId(region: string, birthDate: string, sequence: string): string {
  return `${region}${birthDate}${sequence}${checkCharacter(region + birthDate + sequence)}`;
}

/** The same 17 digits with a wrong check character. */
export function wrongCheckId(region: string, birthDate: string, sequence: string): string {
  const right = checkCharacter(region + birthDate + sequence);
  return `${region}${birthDate}${sequence}${right === '0' ? '1' : '0'}`;
}

/** A 15-digit (1984–1999) ID: region, YYMMDD, sequence. */
export function legacyId(region: string, birthDateYYMMDD: string, sequence: string): string {
  return `${region}${birthDateYYMMDD}${sequence}`;
}

/** The 18-digit form of a 15-digit ID: '19' before the year, check character appended. */
export function upgradeLegacyId(legacy: string): string {
  return validId(legacy.slice(0, 6), `19${legacy.slice(6, 12)}`, legacy.slice(12, 15));
}

/** Full-width digits and letters (０-９, Ｘ), as typed with a Chinese input method. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
