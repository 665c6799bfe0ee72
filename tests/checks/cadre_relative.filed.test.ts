// cadre_relative.filed: the 备案 register lists filed near relatives and filed cadres on the roll, and nobody else.
import { testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow, type RawRow } from './roll-rows.ts';

const C = validId('110101', '19700307', '451');
const R = validId('110101', '19480808', '024');
const R2 = validId('110101', '19500202', '049');

const cadre = (overrides: RawRow = {}): RawRow => ({
  id_number: C, name: '张三', township: '城关镇', village: '东村', position: '村委会主任', term_start: '2021-03-01', ...overrides,
});
const kin = (id_number: string, relative_id_number: string, relation: string): RawRow => ({ id_number, relative_id_number, relation });
const alone = (id: string, name: string, n: number, overrides: RawRow = {}): RawRow =>
  rollRow({ id_number: id, name, household_id: `H00${n}`, relation: '本人', ...overrides });
const rows = (kinship: RawRow[], roll: RawRow[], cadres: RawRow[] = [cadre()]): Rows => ({ cadres, kinship, roll });

testCheck('cadre_relative.filed', {
  valid: [
    { name: 'a near relative not filed (that is cadre_relative.unfiled)', rows: rows([kin(C, R, '母亲')], [alone(R, '王五', 1, { cadre_relative_filed: '否' })]) },
    {
      name: 'a filed cousin (not near), and a filed former cadre whose term ended before P',
      rows: rows(
        [kin(C, R, '堂兄'), kin(R2, validId('110101', '19950101', '031'), '父亲')],
        [alone(R, '王五', 1, { cadre_relative_filed: '是' }), alone(R2, '赵六', 2, { cadre_relative_filed: '是' })],
        [cadre(), cadre({ id_number: R2, name: '赵六', term_end: '2026-09-30' })],
      ),
    },
    { name: 'a filed relative whose row is 停保', rows: rows([kin(C, R, '母亲')], [alone(R, '王五', 1, { cadre_relative_filed: '是', status: '停保' })]) },
  ],
  invalid: [
    {
      name: 'a filed near relative (a daughter), with the cadre and the path',
      rows: rows([kin(C, R, '女儿')], [alone(R, '王五', 1, { cadre_relative_filed: '是' })]),
      expected: [{ subject_id: R, household_id: 'H001', evidence: ['已备案的干部近亲属', '子女：张三(村委会主任) —女儿→ 王五（亲属关系 kinship.csv 第2行）'] }],
    },
    {
      name: 'a filed cadre on the roll with his filed spouse in the household',
      rows: rows([kin(R2, validId('110101', '19950101', '031'), '儿子')], [
        rollRow({ id_number: C, cadre_relative_filed: '是' }), rollRow({ id_number: R, name: '王五', relation: '配偶', cadre_relative_filed: '是' }),
      ]),
      expected: [
        { subject_id: C, evidence: ['已备案，本人为在任干部 张三(村委会主任，东村'] },
        { subject_id: R, evidence: ['同户家庭成员：张三(村委会主任) —同户(城关镇东村 家庭编号 H001，与户主关系 配偶)→ 王五'] },
      ],
    },
  ],
});
