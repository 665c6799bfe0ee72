// data_quality.id-legacy: every 15-digit ID that was converted is listed with its 18-digit form; 18-digit IDs are not.
import { testCheck } from '../support/check-tester.ts';
import { fullWidth, legacyId, upgradeLegacyId, validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const OLD = legacyId('110101', '650412', '123');
const OLD_UPGRADED = upgradeLegacyId(OLD);
const WITH_X = validId('110101', '19750101', '104');

testCheck('data_quality.id-legacy', {
  valid: [
    {
      name: '18-digit IDs, however written, are not listed',
      rows: {
        roll: [
          rollRow({ id_number: OLD_UPGRADED }),
          rollRow({ household_id: 'H002', name: '李四', id_number: WITH_X.toLowerCase() }),
          rollRow({ household_id: 'H003', name: '王五', id_number: fullWidth(validId('110101', '19800101', '013')) }),
        ],
        deaths: [{ id_number: OLD_UPGRADED, name: '张三', death_date: '2026-03-15' }],
      },
    },
    {
      name: 'an unrecoverable 15-digit value is invalid, not a converted legacy ID',
      rows: { roll: [rollRow({ id_number: legacyId('110101', '651332', '123') })] },
    },
  ],
  invalid: [
    {
      name: 'a 15-digit ID on the roll',
      rows: { roll: [rollRow({ household_id: 'H005', village: '西村', id_number: OLD }), rollRow({ household_id: 'H006', name: '李四', id_number: WITH_X })] },
      expected: [{ subject_id: OLD_UPGRADED, household_id: 'H005', village: '西村', evidence: [`「${OLD}」`, `已转换为 ${OLD_UPGRADED}`, 'roll.csv 第2行'] }],
    },
    {
      name: 'a 15-digit ID on a roll row is placed in that row\'s own household, not in another household of the same person',
      rows: {
        roll: [
          rollRow({ household_id: 'H001', village: '东村', id_number: OLD_UPGRADED }),
          rollRow({ household_id: 'H002', village: '西村', id_number: OLD }),
        ],
      },
      expected: [{ subject_id: OLD_UPGRADED, household_id: 'H002', village: '西村', evidence: [`「${OLD}」`, 'roll.csv 第3行'] }],
    },
    {
      name: 'a 15-digit ID on a reference list is listed with the roll household of the same person',
      rows: {
        roll: [rollRow({ household_id: 'H009', id_number: OLD_UPGRADED })],
        deaths: [{ id_number: OLD, name: '张三', death_date: '2026-03-15' }],
      },
      expected: [{ subject_id: OLD_UPGRADED, household_id: 'H009', village: '东村', evidence: ['死亡人员名单', `「${OLD}」`, 'deaths.csv 第2行'] }],
    },
  ],
});
