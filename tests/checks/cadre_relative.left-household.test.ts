// The cadre_relative checks and a roll status that says a person left the household (迁出, 分户, 死亡 …): the cadre's
// household links no one once he has left it, nor links a member who has; 停保 or 退保 alone (on taking office) still links.
// Until 2026-12-06 any row of the cadre's linked his household, and a cadre 迁出 made everyone left behind his 同户 relative.
import { testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow, type RawRow } from './roll-rows.ts';

const C = validId('371329', '19800101', '011');
const R = validId('371329', '19790101', '042');
const R2 = validId('371329', '20050101', '051');
const MOTHER = validId('371329', '19550101', '062');

const cadre = (overrides: RawRow = {}): RawRow => ({
  id_number: C, name: '王干部', township: '店头镇', village: '西村', position: '村委会主任', term_start: '2021-01-01', ...overrides,
});
const kin = (id_number: string, relative_id_number: string, relation: string): RawRow => ({ id_number, relative_id_number, relation });
const row = (overrides: RawRow): RawRow => rollRow({ township: '店头镇', village: '东村', ...overrides });

/** The reviewer's case: the cadre's row 迁出 in his father's household, his 嫂子 and 侄子 (not near) still paid there. */
const movedOutRows = (status: string, household = 'H001'): RawRow[] => [
  row({ id_number: validId('371329', '19500101', '021'), name: '王父', household_id: household, relation: '户主', cadre_relative_filed: '是' }),
  row({ id_number: R, name: '李嫂', household_id: household, relation: '儿媳', cadre_relative_filed: '否' }),
  row({ id_number: R2, name: '王侄', household_id: household, relation: '孙子', cadre_relative_filed: '否' }),
  row({ id_number: C, name: '王干部', household_id: household, relation: '子', status, cadre_relative_filed: '否' }),
];
const notNear = [kin(C, R2, '侄子'), kin(C, R, '嫂子')];
const movedOut = (status: string): Rows => ({ cadres: [cadre()], roll: movedOutRows(status), kinship: notNear });

/** Statuses saying he left the household: each the cadre's only row there, the roll read 退保, 停保 or (unreadable) 在保. */
const LEFT = [
  '迁出', '户口迁出', '已迁出', '迁移', '户口迁移', '外迁', '迁往外省', '转出', '遷出', '分户', '另立户', '出嫁', '户口注销', '参军入伍',
  '死亡', '已故', '病故', '停保（迁出）', '退保(户口迁出)', '在保（已迁出）', '不在保（已迁出）', '迁出，未办理停保',
  // R32's: a move to a place, a marriage (until 2026-12-07 each linked her brother's wife and sons, false high findings).
  '退保（户口迁至西村）', '退保（迁到县城）', '退保（结婚）', '退保（嫁到西村）', '退保（婚迁）', '退保（婚嫁）', '退保（嫁往外省）',
];
/**
 * Statuses that only say he is not paid, or deny or only propose a move, or name his return: the household still links, the
 * status as written (rs_text: half-width brackets) beside how it is read.
 */
const STAYED: [status: string, evidence: string][] = [
  ['停保', '干部本人停保)→'],
  ['停保（任职）', '干部本人停保(任职))→'],
  ['退保（收入超标）', '干部本人退保(收入超标))→'],
  ['退出', '干部本人退保（退出）)→'],
  ['停保（户口未迁出）', '干部本人状态「停保(户口未迁出)」无法识别，按在保计)→'],
  ['未迁出', '干部本人状态「未迁出」无法识别，按在保计)→'],
  ['拟迁出', '干部本人状态「拟迁出」无法识别，按在保计)→'],
  ['申请分户', '干部本人状态「申请分户」无法识别，按在保计)→'],
  // R33: a marriage that denies the move (结婚未迁出) is no leaving, nor a move to this village.
  ['退保（结婚未迁出）', '干部本人状态「退保(结婚未迁出)」无法识别，按在保计)→'],
  ['退保（迁至本村）', '干部本人退保(迁至本村))→'],
  ['迁出后迁回', '干部本人退保（迁出后迁回）)→'],
];

testCheck('cadre_relative.unfiled', {
  valid: [
    { name: 'the reviewer\'s case: the cadre 迁出 of his father\'s household, his 嫂子 and 侄子 (not near) still paid there', rows: movedOut('迁出') },
    ...LEFT.map((status) => ({ name: `the cadre's row in the household says he left it: ${status}`, rows: movedOut(status) })),
    {
      name: 'a roll that keeps history: his old row (历史, read as 退保) beside the one that says he moved out',
      rows: { cadres: [cadre()], kinship: notNear, roll: [...movedOutRows('迁出'), row({ id_number: C, name: '王干部', relation: '子', status: '历史' })] },
    },
    {
      name: 'the reverse: the member\'s own row says he left the cadre\'s household (分户, 死亡, 在保（已迁出）, read as 在保)',
      rows: {
        cadres: [cadre()],
        roll: [
          row({ id_number: C, name: '王干部', relation: '户主', status: '停保' }),
          row({ id_number: R, name: '李嫂', relation: '弟媳', status: '分户' }),
          row({ id_number: R2, name: '王侄', relation: '侄子', status: '死亡' }),
          row({ id_number: MOTHER, name: '王母', relation: '母亲', status: '在保（已迁出）' }),
        ],
      },
    },
    {
      name: 'a near relative by kinship whose only roll row says he left that household (死亡, 分户, 在保（已迁出）)',
      rows: {
        cadres: [cadre()],
        kinship: [kin(C, MOTHER, '母亲'), kin(C, R, '姐姐'), kin(C, R2, '儿子')],
        roll: [
          row({ id_number: MOTHER, name: '王母', household_id: 'H011', status: '死亡' }),
          row({ id_number: R, name: '王姐', household_id: 'H012', status: '分户' }),
          row({ id_number: R2, name: '王子', household_id: 'H013', status: '在保（已迁出）' }),
        ],
      },
    },
  ],
  invalid: [
    // R33: on a row still paid, a marriage or a move to a place says how she came, or nothing of leaving: still linked.
    ...['在保（已结婚）', '在保（2019年结婚）', '在保（2018年嫁到本村）', '在保（2020年由西村迁至本村）'].map((status) => ({
      name: `the cadre's row is still paid and notes a marriage or a move in: ${status}`,
      rows: movedOut(status),
      expected: [{ subject_id: R2, household_id: 'H001' }, { subject_id: R, household_id: 'H001' }],
    })),
    ...STAYED.map(([status, evidence]) => ({
      name: `the cadre's row says only that he is not paid, or denies or only proposes a move: ${status}`,
      rows: movedOut(status),
      expected: [
        { subject_id: R2, household_id: 'H001', evidence: [`同户家庭成员：王干部(村委会主任) —同户(店头镇东村 家庭编号 H001，与户主关系 孙子，${evidence} 王侄`] },
        { subject_id: R, household_id: 'H001', evidence: [`与户主关系 儿媳，${evidence} 李嫂`] },
      ],
    })),
    {
      name: 'the cadre moved out of his father\'s household into his own: his new household links, the old one does not',
      rows: {
        cadres: [cadre()],
        kinship: notNear,
        roll: [
          ...movedOutRows('迁出'),
          row({ id_number: C, name: '王干部', household_id: 'H002', relation: '户主', status: '停保' }),
          row({ id_number: MOTHER, name: '赵某', household_id: 'H002', relation: '其他' }),
        ],
      },
      expected: [{ subject_id: MOTHER, household_id: 'H002', evidence: ['—同户(店头镇东村 家庭编号 H002，与户主关系 其他，干部本人停保)→ 赵某'] }],
    },
    {
      name: 'the reverse: members still there are linked, the one whose row says he moved out is not',
      rows: {
        cadres: [cadre()],
        roll: [
          row({ id_number: C, name: '王干部', relation: '户主', status: '停保' }),
          row({ id_number: R, name: '李嫂', relation: '配偶', status: '未迁出' }),
          row({ id_number: R2, name: '王侄', relation: '儿子', status: '分户' }),
        ],
      },
      expected: [{ subject_id: R, household_id: 'H001', evidence: ['与户主关系 配偶，干部本人停保)→ 李嫂'] }],
    },
  ],
});

testCheck('cadre_relative.self', {
  valid: [
    ...['死亡', '分户', '在保（已迁出）', '迁出'].map((status) => ({
      name: `the cadre's row says he left the household (${status}): not him paid there`,
      rows: { cadres: [cadre()], roll: [row({ id_number: C, name: '王干部', status })] },
    })),
  ],
  invalid: [
    {
      name: 'a status that denies the move (未迁出) is read as 在保 and reported: the cadre on the roll, not filed',
      rows: { cadres: [cadre()], roll: [row({ id_number: C, name: '王干部', status: '未迁出' }), row({ id_number: R, name: '李嫂', household_id: 'H002', status: '分户' })] },
      expected: [{ subject_id: C, household_id: 'H001', evidence: ['本人为在任干部 王干部(村委会主任'] }],
    },
  ],
});

testCheck('cadre_relative.filed', {
  valid: [
    {
      name: 'a filed member of the household the cadre moved out of is no 备案 listing of his',
      rows: { cadres: [cadre()], roll: movedOutRows('迁出').map((r) => ({ ...r, cadre_relative_filed: '是' })) },
    },
  ],
  invalid: [
    {
      name: 'a filed member of the household of a cadre 退保 on taking office is',
      rows: { cadres: [cadre()], roll: movedOutRows('退保（任职）').map((r) => ({ ...r, cadre_relative_filed: r['id_number'] === R ? '是' : '否' })) },
      expected: [{ subject_id: R, household_id: 'H001', evidence: ['已备案的干部近亲属', '干部本人退保(任职))→ 李嫂'] }],
    },
  ],
});
