// The seeded generator behind spot-check samples: a seed text gives the same numbers on any machine.
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.ts';

/** Long enough for a lottery number or a date-and-name; short enough to sit in a file name. */
export const MAX_SEED_LENGTH = 64;

const TWO_TO_32 = 2 ** 32;
/** sfc32's authors discard the first outputs so that similar seeds have time to drift apart. */
const WARM_UP_ROUNDS = 12;

export interface SeededRandom {
  /** The next output, an integer in [0, 2^32). */
  nextUint32(): number;
  /** An integer in [0, bound), every value equally likely; bound is an integer in [1, 2^32]. */
  uniformInt(bound: number): number;
}

/**
 * The seed as it is hashed, printed and recorded: trimmed, and in Unicode NFC so that a Chinese seed typed on
 * another machine (which may compose characters differently) is still the same seed.
 */
export function normaliseSeed(seed: string): string {
  const normalised = seed.normalize('NFC').trim();
  if (normalised === '') throw new UsageError('--seed 不能为空', '省略 --seed 时会随机生成一个种子并打印出来。');
  if ([...normalised].length > MAX_SEED_LENGTH) {
    throw new UsageError(`--seed 太长（最多 ${MAX_SEED_LENGTH} 个字符）：「${normalised.slice(0, 20)}…」`);
  }
  return normalised;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit) seeded with the first 16 bytes of
 * SHA-256(UTF-8 seed), read big-endian. Only 32-bit integer operations: no floating point, no platform
 * dependence, no Math.random.
 */
export function createSeededRandom(seed: string): SeededRandom {
  const digest = createHash('sha256').update(normaliseSeed(seed), 'utf8').digest();
  let a = digest.readUInt32BE(0);
  let b = digest.readUInt32BE(4);
  let c = digest.readUInt32BE(8);
  let counter = digest.readUInt32BE(12);

  function nextUint32(): number {
    const result = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + result) | 0;
    return result >>> 0;
  }

  for (let round = 0; round < WARM_UP_ROUNDS; round++) nextUint32();
  return { nextUint32, uniformInt: (bound) => uniformIntBelow(nextUint32, bound) };
}

/**
 * An integer in [0, bound) from 32-bit outputs by rejection: outputs at or above the largest multiple of bound
 * are thrown away, so that `% bound` favours no value. Exact in doubles, as every number stays below 2^33.
 */
export function uniformIntBelow(nextUint32: () => number, bound: number): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > TWO_TO_32) throw new RangeError(`uniformInt bound out of range: ${bound}`);
  const limit = TWO_TO_32 - (TWO_TO_32 % bound);
  for (;;) {
    const value = nextUint32();
    if (value < limit) return value % bound;
  }
}
