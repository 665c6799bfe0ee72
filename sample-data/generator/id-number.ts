// GB 11643-1999 citizen ID numbers: check character, validation, legacy 15-digit form, unique allocation.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a well-formed 18-character ID: digits, a real birth date and a matching check character. */
export function isValidId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isRealDate(id.slice(6, 14))) return false;
  return checkCharacter(id.slice(0, 17)) === id[17];
}

export function makeId(regionCode: string, birthYyyymmdd: string, sequence: number): string {
  const first17 = `${regionCode}${birthYyyymmdd}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** The pre-1999 15-digit form (2-digit year, no check character); only for people born in the 1900s. */
export function toLegacy15(id: string): string {
  if (id.slice(6, 8) !== '19') throw new Error(`no 15-digit form for ${id}: not born in the 1900s`);
  return id.slice(0, 6) + id.slice(8, 17);
}

export function fromLegacy15(legacy: string): string {
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6, 15)}`;
  return first17 + checkCharacter(first17);
}

/** Same ID with a wrong check character: one of the unrecoverable forms. */
export function withWrongCheck(id: string): string {
  const good = id[17]!;
  const wrong = CHECK_CHARS[(CHECK_CHARS.indexOf(good) + 3) % 11]!;
  return id.slice(0, 17) + wrong;
}

export function isMale(id: string): boolean {
  return Number(id[16]) % 2 === 1;
}

const EPOCH_YEAR = 1920;
const DAYS = 107 * 366;
const SLOTS_PER_GENDER = 500;

/**
 * Hands out IDs that are unique across the whole population without remembering them: per county,
 * per birth day and gender a counter walks the 500 sequence numbers of that parity (scrambled so they
 * do not look consecutive). A full day spills into the next day.
 */
export class IdAllocator {
  private readonly counters = new Map<string, Uint16Array>();
  /** YYYYMMDD of each day index, built on first use. */
  private readonly dayTexts: string[] = [];

  private dayText(day: number): string {
    let text = this.dayTexts[day];
    if (text === undefined) {
      const date = new Date(Date.UTC(EPOCH_YEAR, 0, 1) + day * 86_400_000);
      text = `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
      this.dayTexts[day] = text;
    }
    return text;
  }

  allocate(regionCode: string, birth: Date, male: boolean): string {
    let counters = this.counters.get(regionCode);
    if (!counters) {
      counters = new Uint16Array(DAYS * 2);
      this.counters.set(regionCode, counters);
    }
    let day = Math.floor((birth.getTime() - Date.UTC(EPOCH_YEAR, 0, 1)) / 86_400_000);
    for (;;) {
      if (day < 0 || day >= DAYS) throw new Error(`birth date out of range: ${birth.toISOString()}`);
      const slot = day * 2 + (male ? 1 : 0);
      const used = counters[slot]!;
      if (used < SLOTS_PER_GENDER - 1) {
        counters[slot] = used + 1;
        // 191 is coprime with 500, so k -> (k*191 + day) mod 500 is a bijection; +1 avoids sequence 000.
        const scrambled = ((used * 191 + day) % (SLOTS_PER_GENDER - 1)) + 1;
        const sequence = scrambled * 2 - (male ? 1 : 0);
        return makeId(regionCode, this.dayText(day), sequence);
      }
      day += 1;
    }
  }
}
