// Test helper: 统一社会信用代码 (GB 32100-2015, MOD 31 check character) as a 市场主体 export writes a business's own code.

const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a code's first 17 characters. */
export function creditCodeCheck(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) throw new Error(`need 17 code characters, got ${first17}`);
  const sum = [...first17].reduce((total, character, index) => total + CHARACTERS.indexOf(character) * WEIGHTS[index]!, 0);
  return CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** A whole code: creditCode('91371329MA3C1AB12') → 91371329MA3C1AB12 and its check character. */
export const creditCode = (first17: string) => first17 + creditCodeCheck(first17);
