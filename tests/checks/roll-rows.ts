// Test helper: one raw roll row with every required value filled, so a case states only what it is about.
import { validId } from './id-numbers.ts';

export type RawRow = Record<string, string | null>;

/** A head of household on 农村低保 in 城关镇 东村; override any column (raw text, as it arrives). */
export function rollRow(overrides: RawRow = {}): RawRow {
  return {
    township: '城关镇',
    village: '东村',
    household_id: 'H001',
    name: '张三',
    id_number: validId('110101', '19900307', '451'),
    relation: '户主',
    program: '农村低保',
    ...overrides,
  };
}
