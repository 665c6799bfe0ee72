// data_quality.missing-field: an empty required roll value (乡镇, 村, 家庭编号, 姓名, 身份证号码, 救助类别).
import { testCheck } from '../support/check-tester.ts';
import { validId, wrongCheckId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

testCheck('data_quality.missing-field', {
  valid: [
    { name: 'every required value present', rows: { roll: [rollRow()] } },
    {
      name: 'optional values empty (relation, amount, start date, status, account, filed)',
      rows: { roll: [rollRow({ relation: '', monthly_amount: '', start_date: null, status: '', bank_account: '', cadre_relative_filed: '' })] },
    },
    {
      name: 'a 家庭编号 in scientific notation is there but unreadable: data_quality.bad-value, not missing',
      rows: { roll: [rollRow({ household_id: '3.71329E+15' })] },
    },
    {
      name: 'an ID that is present but unrecoverable is data_quality.id-invalid, not missing',
      rows: { roll: [rollRow({ id_number: wrongCheckId('110101', '19900307', '451') })] },
    },
    {
      name: 'a totals row under the table is not a person',
      rows: { roll: [rollRow(), { township: '', village: '', household_id: '', name: '合计', id_number: '', program: '' }] },
    },
  ],
  invalid: [
    {
      // Until 2026-12-06 the two rows had one finding id, and the second was lost.
      name: 'a row without an ID typed twice: each row reported',
      rows: { roll: [rollRow(), rollRow({ household_id: 'H002', name: '李四', id_number: '' }), rollRow({ household_id: 'H002', name: '李四', id_number: '' })] },
      expected: [
        { subject_id: null, household_id: 'H002', evidence: ['必填项为空：身份证号码', 'roll.csv 第3行'] },
        { subject_id: null, household_id: 'H002', evidence: ['必填项为空：身份证号码', 'roll.csv 第4行'] },
      ],
    },
    {
      name: 'ID number empty',
      rows: { roll: [rollRow(), rollRow({ household_id: 'H002', name: '李四', id_number: '' })] },
      expected: [{ subject_id: null, household_id: 'H002', village: '东村', evidence: ['必填项为空：身份证号码', 'roll.csv 第3行'] }],
    },
    {
      name: 'several values empty or blank on one row: one finding naming them all',
      rows: { roll: [rollRow({ village: '  ', program: '', name: '李四', id_number: validId('110101', '19850612', '232') })] },
      expected: [{ subject_id: validId('110101', '19850612', '232'), household_id: 'H001', village: null, evidence: ['村(社区)、救助类别', 'roll.csv 第2行'] }],
    },
    {
      name: 'a 家庭编号 written as / or 无 is empty: each such row reported, the families not read as one household',
      rows: {
        roll: [
          rollRow({ household_id: '/' }),
          rollRow({ household_id: '无', name: '李四', id_number: validId('110101', '19850612', '232') }),
          rollRow({ household_id: '—', name: '王五', id_number: validId('110101', '20100101', '011') }),
        ],
      },
      expected: [
        { subject_id: validId('110101', '19900307', '451'), household_id: null, evidence: ['必填项为空：家庭编号', 'roll.csv 第2行'] },
        { subject_id: validId('110101', '19850612', '232'), household_id: null, evidence: ['必填项为空：家庭编号', 'roll.csv 第3行'] },
        { subject_id: validId('110101', '20100101', '011'), household_id: null, evidence: ['必填项为空：家庭编号', 'roll.csv 第4行'] },
      ],
    },
    {
      // Until 2026-12-06 data_quality.id-invalid (含非法字符): staff looked for a mistyped digit where none was given.
      name: 'an ID written as none (无, /, —, 暂无, 不详) is missing, as an empty one is',
      rows: { roll: ['无', '/', '—', '暂无', '不详'].map((id_number, i) => rollRow({ household_id: `H${i}`, name: `人${i}`, id_number })) },
      expected: ['无', '/', '—', '暂无', '不详'].map((written, i) =>
        ({ subject_id: null, household_id: `H${i}`, evidence: [`必填项为空：身份证号码（身份证号码写作「${written}」）`] })),
    },
    {
      name: 'name and household id empty',
      rows: { roll: [rollRow({ township: '城关镇', household_id: null, name: '' })] },
      expected: [{ subject_id: validId('110101', '19900307', '451'), household_id: null, evidence: ['家庭编号、姓名', 'roll.csv 第2行'] }],
    },
  ],
});
