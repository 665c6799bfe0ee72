// cadre_relative.self: a serving cadre who is himself an active recipient without 备案; decoys of term, status and identity.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow, type RawRow } from './roll-rows.ts';

const C = validId('110101', '19700307', '451');
const OTHER = validId('110101', '19710405', '013');

const cadre = (overrides: RawRow = {}): RawRow => ({
  id_number: C, name: '张三', township: '城关镇', village: '东村', position: '村委会委员', term_start: '2021-03-01', ...overrides,
});
const onRoll = (roll: RawRow[], cadres: RawRow[] = [cadre()]): Rows => ({ cadres, roll });

testCheck('cadre_relative.self', {
  valid: [
    { name: 'the cadre on the roll with 备案 是', rows: onRoll([rollRow({ id_number: C, cadre_relative_filed: '是' })]) },
    { name: 'the cadre’s roll row is 停保', rows: onRoll([rollRow({ id_number: C, status: '停保' })]) },
    { name: 'term ended before P.start', rows: onRoll([rollRow({ id_number: C })], [cadre({ term_end: '2026-09-30' })]) },
    { name: 'term starts after P.end', rows: onRoll([rollRow({ id_number: C })], [cadre({ term_start: '2026-11-01' })]) },
    { name: 'a different person with the cadre’s name', rows: onRoll([rollRow({ id_number: OTHER, name: '张三' })]) },
    {
      name: 'filed on one of his two rows in the household covers him there',
      rows: onRoll([rollRow({ id_number: C, cadre_relative_filed: '是' }), rollRow({ id_number: C, cadre_relative_filed: '否' })]),
    },
  ],
  invalid: [
    {
      name: 'a serving cadre on the roll, not filed: position, village, term and roster row in the evidence',
      rows: onRoll([rollRow({ id_number: C, cadre_relative_filed: '否' }), rollRow({ id_number: OTHER, name: '李四', relation: '配偶' })]),
      expected: [{ subject_id: C, household_id: 'H001', evidence: ['本人为在任干部 张三(村委会委员，东村，任期 2021-03-01 至 今，干部及经办人员名册 cadres.csv 第2行)', '近亲属备案：否'] }],
    },
    {
      name: 'two roster rows (两个职务) and two households; a term without a start date that ends inside P',
      rows: onRoll(
        [rollRow({ id_number: C }), rollRow({ id_number: C, household_id: 'H002', village: '西村' })],
        [cadre({ term_start: '', term_end: '2026-10-01' }), cadre({ position: '村党支部书记' })],
      ),
      expected: [
        { subject_id: C, household_id: 'H001', evidence: ['村委会委员，东村，任期 起始未填 至 2026-10-01', '村党支部书记，东村'] },
        { subject_id: C, household_id: 'H002', village: '西村' },
      ],
    },
  ],
});

describe('cadre_relative.self finding id', () => {
  it('survives the roll and the roster listed in another order', async () => {
    const ids = async (rows: Rows) => (await findingsFor(findCheck('cadre_relative.self')!, rows)).map((f) => f.finding_id).sort();
    const roll = [rollRow({ id_number: OTHER, name: '李四' }), rollRow({ id_number: C }), rollRow({ id_number: C, household_id: 'H002' })];
    const cadres = [cadre({ id_number: OTHER, name: '李四' }), cadre({ position: '村党支部书记' })];
    const asGiven = await ids(onRoll(roll, cadres));
    expect(asGiven).toHaveLength(3);
    expect(await ids(onRoll([...roll].reverse(), [...cadres].reverse()))).toEqual(asGiven);
  });
});
