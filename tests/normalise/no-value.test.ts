// rs_no_value: a cell that gives no value (written as none, or as not known), which an optional column reads as empty.
import { describeMacroTable, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_no_value', connection, {
  expression: 'rs_no_value(v)',
  accepted: [
    { input: '—', expected: true, note: 'em dash' },
    { input: '——', expected: true },
    { input: '-', expected: true },
    { input: '--', expected: true },
    { input: '－', expected: true, note: 'full-width hyphen' },
    { input: '/', expected: true },
    { input: '／', expected: true, note: 'full-width slash' },
    { input: '\\', expected: true },
    { input: '_', expected: true },
    { input: '–', expected: true, note: 'en dash' },
    { input: ' / ', expected: true, note: 'spaces around' },
    { input: '无', expected: true },
    { input: '空', expected: true },
    { input: '暂无', expected: true },
    { input: '不详', expected: true },
    { input: '未知', expected: true },
    { input: '不明', expected: true },
  ],
  rejected: [
    { input: '2026-10-01', expected: false },
    { input: '4963', expected: false },
    { input: '保密', expected: false, note: 'a value withheld, not none' },
    { input: '待定', expected: false, note: 'a value still to come' },
    { input: '待核定', expected: false },
    { input: '#N/A', expected: false, note: 'an Excel error: the value was lost, not none' },
    { input: '#VALUE!', expected: false },
    { input: '#REF!', expected: false },
    { input: '无期徒刑', expected: false },
    { input: '-5', expected: false },
    { input: '2026/10', expected: false },
    { input: '', expected: false, note: 'empty is empty: the caller tests it first' },
    { input: null, expected: false },
  ],
});
