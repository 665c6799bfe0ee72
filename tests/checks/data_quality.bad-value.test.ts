// data_quality.bad-value: an unreadable roll value (amount, start date, status, filed, village code); the person stays on the roll.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19900307', '451');
const LI = validId('110101', '19850612', '232');

testCheck('data_quality.bad-value', {
  valid: [
    {
      name: 'readable values in every accepted spelling',
      rows: {
        roll: [
          rollRow({ household_id: 'H1', monthly_amount: '600', start_date: '2026-03-15', status: '在保', cadre_relative_filed: '是', village_code: '110101001001' }),
          rollRow({ household_id: 'H2', monthly_amount: '600.00', start_date: '2026/3/15', status: '停保', cadre_relative_filed: '否' }),
          rollRow({ household_id: 'H3', monthly_amount: '1,200.50', start_date: '2026.3.15', status: '退保' }),
          rollRow({ household_id: 'H4', monthly_amount: '¥600', start_date: '20260315', status: '' }),
          rollRow({ household_id: 'H5', monthly_amount: '600元', start_date: '2026年3月15日', status: null }),
        ],
      },
    },
    {
      name: 'household numbers with letters or an E inside are codes, not numbers in scientific notation',
      rows: { roll: [rollRow({ household_id: 'E001' }), rollRow({ household_id: '37E1329', name: '李四', id_number: LI })] },
    },
    {
      name: 'empty optional values are missing, not unreadable',
      rows: { roll: [rollRow({ monthly_amount: '', start_date: ' ', status: '', cadre_relative_filed: '', village_code: '' })] },
    },
    {
      // Until 2026-12-06 each was reported (无法识别：月保障金「—」).
      name: 'a 月保障金 written as none (—, /, 无) or not known (不详) is empty, as a cell left empty is',
      rows: {
        roll: ['—', '/', '无', '不详'].map((monthly_amount, i) => rollRow({ household_id: `H${i}`, id_number: validId('110101', '19900101', `${100 + i}`), monthly_amount })),
      },
    },
    {
      // Until 2026-12-06 each was a medium finding on every person so coded, though no check reads the code.
      name: 'a 行政区划代码 of the county (6 digits), the township (9) or a village\'s 村民小组 (15), opening with a province\'s code',
      rows: {
        roll: ['371329', '371329110', '371329110003000', '110101001'].map((village_code, i) =>
          rollRow({ household_id: `H${i}`, id_number: validId('110101', '19900101', `${100 + i}`), village_code })),
      },
    },
    {
      name: 'a start month (享受起始年月) is a readable start date',
      rows: { roll: [rollRow({ household_id: 'H1', start_date: '2026-03' }), rollRow({ household_id: 'H2', name: '李四', id_number: LI, start_date: '2026年3月' })] },
    },
  ],
  invalid: [
    {
      name: 'a 行政区划代码 of no such shape: 11 digits, a shorter code of no province (99…, 00…), letters',
      rows: {
        roll: ['37132911000', '991329110', '000000', '37132911000A'].map((village_code, i) =>
          rollRow({ household_id: `H${i}`, id_number: validId('110101', '19900101', `${100 + i}`), village_code })),
      },
      expected: ['37132911000', '991329110', '000000', '37132911000A'].map((code, i) =>
        ({ household_id: `H${i}`, evidence: [`行政区划代码「${code}」（应为12位数字）`] })),
    },
    {
      name: 'an unreadable amount',
      rows: { roll: [rollRow({ household_id: 'H1', monthly_amount: '600' }), rollRow({ household_id: 'H2', village: '西村', name: '李四', id_number: LI, monthly_amount: '六百' })] },
      expected: [{ subject_id: LI, household_id: 'H2', village: '西村', evidence: ['月保障金「六百」', 'roll.csv 第3行'] }],
    },
    {
      name: 'a 家庭编号 Excel turned into scientific notation: unreadable, so the two persons are in no household rather than in one',
      rows: { roll: [rollRow({ household_id: '3.71329E+15' }), rollRow({ household_id: '3.713291100030002e+15', name: '李四', id_number: LI })] },
      expected: [
        { subject_id: ZHANG, household_id: null, evidence: ['家庭编号「3.71329E+15」（被 Excel 改成科学计数法，末位已丢失，无法区分家庭，按空处理）'] },
        { subject_id: LI, household_id: null, evidence: ['家庭编号「3.713291100030002e+15」'] },
      ],
    },
    {
      name: 'a card number Excel kept 15 digits of: unreadable, compared with no other household',
      rows: { roll: [rollRow({ household_id: 'H1', bank_account: '6.22848001234567e+15' }), rollRow({ household_id: 'H2', name: '李四', id_number: LI, bank_account: '6228480012345678' })] },
      expected: [{ subject_id: ZHANG, household_id: 'H1', evidence: ['发放账号「6.22848001234567e+15」（被 Excel 存成数字，末位已丢失，无法核对是否多户共用一个账号）', 'roll.csv 第2行'] }],
    },
    {
      name: 'several unreadable values on one row: one finding naming each',
      rows: { roll: [rollRow({ start_date: '2026-13-45', status: '待核实', cadre_relative_filed: '待定', village_code: '1101' })] },
      expected: [{
        subject_id: ZHANG,
        household_id: 'H001',
        evidence: ['开始享受时间「2026-13-45」', '保障状态「待核实」（按在保处理）', '近亲属备案「待定」（按未备案处理）', '行政区划代码「1101」（应为12位数字）', 'roll.csv 第2行'],
      }],
    },
  ],
});
