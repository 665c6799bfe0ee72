// over_asset.payroll: a household member is on the public payroll list, matched by ID.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');
const WANG = validId('110101', '19900101', '011');
const OTHER_WANG = validId('110101', '19900101', '038');

/** H001 in 东村: 张三 (head), 李四 (spouse), 王五 (son). */
const family = [
  rollRow({ name: '张三', id_number: ZHANG }),
  rollRow({ name: '李四', id_number: LI, relation: '配偶' }),
  rollRow({ name: '王五', id_number: WANG, relation: '子' }),
];
const salary = (id: string, name: string, overrides: Record<string, string> = {}) =>
  ({ id_number: id, name, employer: '城关镇中心小学', monthly_salary: '5,230.50', ...overrides });

testCheck('over_asset.payroll', {
  valid: [
    { name: 'a namesake with another ID is on the payroll', rows: { roll: family, payroll: [salary(OTHER_WANG, '王五')] } },
    {
      name: 'the member\'s roll row is 停保',
      rows: { roll: [...family.slice(0, 2), rollRow({ name: '王五', id_number: WANG, relation: '子', status: '停保' })], payroll: [salary(WANG, '王五')] },
    },
    {
      name: 'the roster keeps those who left: 离职, 辞退, 减员 (no longer paid by it)',
      rows: { roll: family, payroll: [salary(WANG, '王五', { staff_status: '离职' }), salary(LI, '李四', { staff_status: '已辞退' }), salary(ZHANG, '张三', { staff_status: '减员' })] },
    },
    {
      name: 'and those it writes 减少 (a 变动情况), 辞聘, 已清退 or 不在职',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { staff_status: '减少' }), salary(LI, '李四', { staff_status: '辞聘' }),
          salary(ZHANG, '张三', { staff_status: '已清退' }), salary(WANG, '王五', { employer: '县卫健局', staff_status: '不在职' }),
        ],
      },
    },
    {
      name: 'a 乡村公益性岗位 (生态护林员, 保洁员) is paid from public funds but is no 财政供养 post',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { employer: '城关镇人民政府', monthly_salary: '800', staff_kind: '生态护林员' }),
          salary(LI, '李四', { employer: '城关镇人民政府', monthly_salary: '600', staff_kind: '乡村公益性岗位', staff_status: '在职' }),
        ],
      },
    },
    {
      name: 'a 人员类别 that says only how he is hired (编外, 临时工, empty) leaves the post to the 岗位类别 or 岗位: 保洁员, 护林员',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { employer: '城关镇人民政府', monthly_salary: '800', staff_kind: '编外', post: '村庄保洁员' }),
          salary(LI, '李四', { employer: '城关镇人民政府', monthly_salary: '600', staff_kind: '临时工', post_class: '', post: '生态护林员' }),
          salary(ZHANG, '张三', { employer: '城关镇人民政府', monthly_salary: '600', staff_kind: '', post_class: '乡村公益性岗位', post: '科员' }),
        ],
      },
    },
    {
      name: 'a 单位 that names the posts (某某镇公益性岗位, 某村公益岗) and no kind column that says more',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { employer: '城关镇公益性岗位', monthly_salary: '800' }),
          salary(LI, '李四', { employer: '东村公益岗（保洁）', monthly_salary: '600', staff_kind: '编外人员' }),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a 人员类别 that names the establishment is staff whatever post it names: 事业编制（护林员）, 工勤人员（保洁）, 全额事业编制保洁工',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { staff_kind: '事业编制（护林员）' }),
          salary(LI, '李四', { staff_kind: '工勤人员（保洁）' }),
          salary(ZHANG, '张三', { staff_kind: '全额事业编制保洁工' }),
        ],
      },
      expected: [{ subject_id: LI, evidence: ['人员类别 事业编制(护林员)', '人员类别 工勤人员(保洁)', '人员类别 全额事业编制保洁工'] }],
    },
    {
      name: 'a sanction lifted (人员状态 解除处分) leaves him employed: 解除 alone is no leaving',
      rows: { roll: family, payroll: [salary(WANG, '王五', { staff_status: '解除处分' })] },
      expected: [{ subject_id: WANG, evidence: ['人员状态 解除处分'] }],
    },
    {
      name: 'a 人员类别 or 岗位类别 that says more than 编外 decides: an 在编 工勤 worker, or a 工勤技能岗位, whose 岗位 is 保洁员',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { staff_kind: '工勤人员', post: '保洁员' }),
          salary(LI, '李四', { staff_kind: '编外聘用', post_class: '工勤技能岗位', post: '保洁员' }),
          salary(ZHANG, '张三', { staff_kind: '编外', post: '科员' }),
        ],
      },
      expected: [{
        subject_id: LI,
        evidence: ['人员类别 编外聘用，岗位类别 工勤技能岗位，岗位 保洁员', '人员类别 工勤人员，岗位 保洁员', '人员类别 编外，岗位 科员'],
      }],
    },
    {
      name: 'a 单位 that only sounds like the posts is an employer: 公益事业发展中心, 公益性岗位管理服务中心, or one the 人员类别 says is 在编',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { employer: '县公益事业发展中心' }),
          salary(LI, '李四', { employer: '县公益性岗位管理服务中心' }),
          salary(ZHANG, '张三', { employer: '城关镇公益性岗位', staff_kind: '事业编制' }),
        ],
      },
      expected: [{ subject_id: LI, evidence: ['供职单位 县公益事业发展中心', '供职单位 县公益性岗位管理服务中心', '供职单位 城关镇公益性岗位，月工资 5230.50 元，人员类别 事业编制'] }],
    },
    {
      name: '在职, 退休 (a pension from public funds) and 调出 (to be verified) are read as paid',
      rows: { roll: family, payroll: [salary(WANG, '王五', { staff_status: '在职' }), salary(LI, '李四', { staff_status: '退休' }), salary(ZHANG, '张三', { staff_status: '调出' })] },
      expected: [{ subject_id: LI, evidence: ['月工资 5230.50 元，人员状态 退休', '人员状态 在职', '人员状态 调出'] }],
    },
    {
      name: '在编, 编外 and 公益一类事业单位 staff are counted, their 人员类别 in the evidence',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { staff_kind: '事业编制（公益一类）' }), salary(LI, '李四', { staff_kind: '编外聘用' }), salary(ZHANG, '张三', { staff_kind: '劳务派遣' }),
        ],
      },
      expected: [{ subject_id: LI, evidence: ['人员类别 事业编制(公益一类)', '月工资 5230.50 元，人员类别 编外聘用', '人员类别 劳务派遣'] }],
    },
    {
      name: 'the son (not the head) is on the payroll',
      rows: { roll: family, payroll: [salary(WANG, '王五')] },
      expected: [{
        subject_id: WANG, household_id: 'H001', village: '东村',
        evidence: ['财政供养人员：王五：供职单位 城关镇中心小学，月工资 5230.50 元，来源 财政供养人员名单（payroll.csv 第2行）'],
      }],
    },
    {
      name: 'two members: one finding, subject the lower ID; the list spells one name differently',
      rows: { roll: family, payroll: [salary(WANG, '王五'), salary(LI, '李肆', { employer: '县人民医院', monthly_salary: '' })] },
      expected: [{ subject_id: LI, evidence: ['李四：供职单位 县人民医院（名单姓名「李肆」，需核实身份）', '王五：供职单位 城关镇中心小学'] }],
    },
    {
      // Until 2026-12-06 such a row was refused (a medium bad-row), and a member on the public payroll was not found.
      name: 'a 月工资 that cannot be read (保密, #N/A) or is written as none (—): the salary decides nothing, shown as written; 4963元/月 is read',
      rows: {
        roll: family,
        payroll: [
          salary(WANG, '王五', { monthly_salary: '保密' }),
          salary(LI, '李四', { employer: '县人民医院', monthly_salary: '—' }),
          salary(ZHANG, '张三', { employer: '县第一中学', monthly_salary: '#N/A' }),
        ],
      },
      expected: [{
        subject_id: LI,
        evidence: ['王五：供职单位 城关镇中心小学，月工资「保密」未能识别，来源', '李四：供职单位 县人民医院，来源', '张三：供职单位 县第一中学，月工资「#N/A」未能识别，来源'],
      }],
    },
    {
      name: 'a 月工资 written with its unit (4963元/月)',
      rows: { roll: family, payroll: [salary(WANG, '王五', { monthly_salary: '4963元/月' })] },
      expected: [{ subject_id: WANG, evidence: ['王五：供职单位 城关镇中心小学，月工资 4963.00 元，来源'] }],
    },
    {
      name: 'the list masks a name (王*): no note, it could be his',
      rows: { roll: family, payroll: [salary(WANG, '王*')] },
      expected: [{ subject_id: WANG, evidence: ['财政供养人员：王五：供职单位 城关镇中心小学，月工资 5230.50 元，来源 财政供养人员名单（payroll.csv 第2行）'] }],
    },
  ],
});

describe('over_asset.payroll finding id', () => {
  const check = findCheck('over_asset.payroll')!;
  const ids = async (given: Rows) => (await findingsFor(check, given)).map((f) => f.finding_id);

  it('does not depend on the order of the lists, nor on next month\'s employer or salary', async () => {
    const asGiven = await ids({ roll: family, payroll: [salary(WANG, '王五'), salary(OTHER_WANG, '王五')] });
    expect(asGiven).toHaveLength(1);
    expect(await ids({ roll: [...family].reverse(), payroll: [salary(OTHER_WANG, '王五'), salary(WANG, '王五', { employer: '县第一中学', monthly_salary: '6000' })] })).toEqual(asGiven);
  });
});
