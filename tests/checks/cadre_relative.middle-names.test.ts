// cadre_relative: the name a two-hop path shows for its middle person (kinship rows carry none): the roll's, else the
// cadres', else a list's, else the ID. Guards the lookup that reads the roll and the cadres before the lists.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow, type RawRow } from './roll-rows.ts';

const C = validId('110101', '19700307', '451');
const S = validId('110101', '19720519', '022');
const R = validId('110101', '19480808', '024');

const cadre = (overrides: RawRow = {}): RawRow => ({
  id_number: C, name: '张三', township: '城关镇', village: '东村', position: '村委会主任', term_start: '2021-03-01', ...overrides,
});
/** S on the cadres' list long out of office: only a name for her, no cadre. */
const formerCadre = cadre({ id_number: S, name: '李肆', position: '村文书', term_start: '2010-01-01', term_end: '2015-12-31' });
const kinship = [{ id_number: C, relative_id_number: S, relation: '配偶' }, { id_number: S, relative_id_number: R, relation: '父亲' }];
const recipient = rollRow({ id_number: R, name: '王五', household_id: 'H001', relation: '本人' });
const death = { id_number: S, name: '李思', death_date: '2026-03-15' };
const path = (middle: string) => `配偶的父母(岳父母/公婆)：张三(村委会主任) —配偶→ ${middle} —父亲→ 王五`;

testCheck('cadre_relative.unfiled', {
  valid: [
    {
      name: 'the same paths from a cadre long out of office: no one is a serving cadre\'s relative, whatever the middle is called',
      rows: { cadres: [cadre({ term_start: '2010-01-01', term_end: '2015-12-31' })], kinship, deaths: [death], roll: [recipient] },
    },
  ],
  invalid: [
    {
      name: 'the middle person named on the roll, the cadres\' list and a death list: the roll\'s name',
      rows: {
        cadres: [cadre(), formerCadre], kinship, deaths: [death],
        roll: [recipient, rollRow({ id_number: S, name: '李四', household_id: 'H002', relation: '本人' })],
      },
      expected: [{ subject_id: R, evidence: [path('李四')] }, { subject_id: S, evidence: ['配偶：张三(村委会主任) —配偶→ 李四'] }],
    },
    {
      name: 'the middle person not on the roll, named on the cadres\' list and a death list: the cadres\' name',
      rows: { cadres: [cadre(), formerCadre], kinship, deaths: [death], roll: [recipient] },
      expected: [{ subject_id: R, evidence: [path('李肆')] }],
    },
    {
      name: 'the middle person named on a death list only: that name',
      rows: { cadres: [cadre()], kinship, deaths: [death], roll: [recipient] },
      expected: [{ subject_id: R, evidence: [path('李思')] }],
    },
  ],
});
