// data_quality.id-legacy: a 15-digit ID number that was converted to 18 digits (a listing, not an anomaly).
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { citeRow } from '../shared-sql.ts';

export default defineCheck({
  id: 'data_quality.id-legacy',
  category: 'data_quality',
  severity: 'info',
  title: '15位旧身份证号码已转换',
  description: '15 位的旧身份证号码按国标补全为 18 位后参与比对；此清单供更新系统中的号码。',
  basis: '《公民身份号码》(GB 11643-1999)',
  inputs: ['roll'],
  sql: `
    WITH legacy AS (SELECT * FROM id_occurrences WHERE id_status = 'legacy'),
    -- Only the legacy IDs need a place on the roll: a province's roll is not sorted for them.
    first_rows AS (
      SELECT DISTINCT ON (id_number) * FROM roll
      WHERE id_number IN (SELECT id_number FROM legacy WHERE dataset <> 'roll')
      ORDER BY id_number, household_id NULLS LAST, _file, _line
    )
    SELECT o.id_number AS subject_id, coalesce(r.name, o.name) AS subject_name,
           r.county, r.township, r.village, r.household_id, r.program,
           o.dataset || '|' || o.id_raw AS fact,
           o.dataset_label || '中的 15 位号码「' || o.id_raw || '」已转换为 ' || o.id_number || '，见 ' || ${citeRow('o')} AS evidence,
           o.dataset AS source_dataset, o._file AS source_file, o._line AS source_line
    FROM legacy o
    -- A roll row is its own place; a reference-list row is placed with the person's lowest household on the roll.
    -- (Which dataset the row is from is matched as a column on both sides: a test of o alone in the ON clause
    -- would turn these into nested-loop joins over the whole roll. A roll occurrence's own row is one of the roll's
    -- legacy rows, so the first join holds those, not the whole roll: 0.26 → 0.12 s at a million persons.)
    LEFT JOIN (SELECT *, 'roll' AS from_dataset FROM roll WHERE id_status = 'legacy') own
      ON own.from_dataset = o.dataset AND own._file = o._file AND own._line = o._line AND own._sheet IS NOT DISTINCT FROM o._sheet
    LEFT JOIN (SELECT *, false AS from_roll FROM first_rows) first_row
      ON first_row.from_roll = (o.dataset = 'roll') AND first_row.id_number = o.id_number
    CROSS JOIN LATERAL (SELECT coalesce(own.name, first_row.name) AS name, coalesce(own.county, first_row.county) AS county,
                               coalesce(own.township, first_row.township) AS township, coalesce(own.village, first_row.village) AS village,
                               coalesce(own.household_id, first_row.household_id) AS household_id, coalesce(own.program, first_row.program) AS program) r`,
  remedy: '在业务系统中把号码更新为 18 位',
  deadlineDays: 30,
});
