// duplicate.shared-account: one bank account is the payment account of more than one household (代领/冒领 risk).
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { accountLostDigits, citeRow, placeOfMostRows } from '../shared-sql.ts';
import { householdPlace, sameVillage } from './shared-sql.ts';

export default defineCheck({
  id: 'duplicate.shared-account',
  category: 'duplicate',
  severity: 'medium',
  title: '多户共用同一发放账号',
  description: '同一银行账号（去掉空格、连字符等分隔后比较）是两户及以上在保家庭的发放账号，存在代领、冒领风险。每户各列一条（户主为对象），证据列出共用此账号的其他家庭。只看在保行：停保、退保家庭已不再向该账号发放。被 Excel 存成数字（科学计数法，或 16 位卡号末位成了 0）的账号已丢失位数，不参与比对（data_quality.bad-value 列出）；已打码的账号（6228********1111，含 *、×、xx 等）看不出被遮住的数字，同样不参与比对（扫描摘要的「注意」列出）。集中供养的特困人员（供养方式或救助类别写明集中供养），供养金按规定拨付其供养服务机构（敬老院）的账号，同一机构的人员共用该账号不列出；其他家庭用了这样的账号，仍列出这些家庭。家庭编号为空或无法识别的行，所在村没有用此账号的有编号家庭的，按该村另一户计。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第五章 管理监督（保障金社会化发放）；《社会救助暂行办法》(国务院令第649号)',
  inputs: ['roll'],
  requiresColumns: ['roll.bank_account'],
  params: z.object({
    // 集中供养 特困 persons are paid through their 供养服务机构's account (《特困人员认定办法》): sharing it is expected.
    // false: list them too (a county whose institutions pay each resident into his own 一卡通).
    skipInstitutionalCare: z.boolean().default(true),
  }).strict(),
  // Not `payments`: it has no account column, so it cannot confirm which account was paid; the roll's
  // 发放账号 of an active household is where its payments go, and the check must not be skipped without it.
  sql: `
    -- Only the columns the findings use: every active row of a province's roll passes through here.
    WITH accounts AS (
      SELECT a.household_id, a.county, a.township, a.village, a.program, a.is_head, a.id_number, a.name, a._file, a._sheet, a._line,
             a.institutional AND $skipInstitutionalCare AS institutional,
             rs_account_key(a.bank_account) AS account
      FROM roll a
      WHERE a.active AND a.bank_account IS NOT NULL
        AND NOT ${accountLostDigits('a.bank_account')}
        -- Masked (6228********1111): two different cards masked alike would read as one account once the mask is dropped.
        AND NOT rs_account_masked(a.bank_account)
    ),
    usable AS (SELECT * FROM accounts WHERE regexp_full_match(account, '[0-9A-Z]{6,}') AND NOT regexp_full_match(account, '0+')),
    -- The few accounts of two or more households, found before each household's evidence is gathered; an
    -- institution's account is shared only when some household outside the institution's care uses it too.
    shared_accounts AS (
      SELECT account FROM usable GROUP BY account
      HAVING (min(household_id) <> max(household_id) OR count(household_id) < count(*)) AND bool_or(NOT institutional)
    ),
    -- A row without a 家庭编号 (empty, or lost to 3.71329E+15) is a household of its village, where no numbered household
    -- paid into the account is: another family all the same (until 2026-12-05 such rows were never compared, and a
    -- township whose roll Excel so saved shared accounts with other townships unseen). One in such a village, or naming
    -- no village, cannot be told from that household and is left out.
    placed AS (
      SELECT u.*, ${householdPlace('u')} AS place
      FROM usable u SEMI JOIN shared_accounts USING (account)
      WHERE u.household_id IS NOT NULL OR (u.village IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM usable n
        WHERE n.account = u.account AND n.household_id IS NOT NULL AND ${sameVillage('n', 'u')}))
    ),
    holders AS (
      SELECT account, place, household_id, county, township, village, program, subject.id_number AS subject_id, subject.name AS subject_name,
             subject.cited, subject._file AS source_file, subject._line AS source_line, institutional
      FROM (
        -- The subject (the head first) is one row, taken whole: arg_min skips a row whose value is NULL, so taken value by
        -- value a head whose ID could not be read gave the next member's ID beside the head's name and line (until
        -- 2026-12-05 such a finding was about 张三 under 李四's ID).
        SELECT account, place, any_value(household_id) AS household_id, ${placeOfMostRows('county')} AS county,
               ${placeOfMostRows('township')} AS township, ${placeOfMostRows('village')} AS village,
               mode(program ORDER BY program) AS program,
               arg_min({'id_number': id_number, 'name': name, 'cited': cited, '_file': _file, '_line': _line},
                       (NOT coalesce(is_head, false), id_number, _file, _line)) AS subject,
               bool_and(institutional) AS institutional
        -- The row is cited only for the few rows of shared accounts.
        FROM (SELECT *, ${citeRow('u')} AS cited, count(*) OVER (PARTITION BY account, place, township, village) AS place_rows FROM placed u)
        GROUP BY account, place)
    ),
    shared AS (
      SELECT account, string_agg(place, '/' ORDER BY place) AS households, count(*) AS household_count,
             count(*) FILTER (WHERE institutional) AS institutional_count
      FROM holders GROUP BY account HAVING count(*) > 1
    )
    SELECT h.subject_id, h.subject_name, '' AS subject_key, h.county, h.township, h.village, h.household_id, h.program,
           -- A household without a number is told by its village in the fact too: the id has no 家庭编号 to tell it by.
           'shared-account|' || h.account || '|' || s.households || CASE WHEN h.household_id IS NULL THEN '|' || h.place ELSE '' END AS fact,
           '银行账号 ' || h.account || ' 是 ' || s.household_count || ' 户在保家庭的发放账号' ||
             CASE WHEN s.institutional_count > 0 THEN '（其中集中供养 ' || s.institutional_count || ' 户，其供养金应拨付供养服务机构）' ELSE '' END ||
             '；本户 ' || coalesce(h.subject_name, '?') ||
             '（' || h.cited || CASE WHEN h.household_id IS NULL THEN '，家庭编号为空或无法识别，按本村另一户计' ELSE '' END || '）；其他：' ||
             (SELECT string_agg(coalesce(o.township, '') || coalesce(o.village, '') || ' 家庭编号 ' || coalesce(o.household_id, '为空或无法识别') || ' ' ||
                                coalesce(o.subject_name, '?') || '（' || o.cited || CASE WHEN o.institutional THEN '，集中供养' ELSE '' END || '）',
                                '；' ORDER BY o.place)
              FROM holders o WHERE o.account = h.account AND o.place <> h.place) AS evidence,
           'roll' AS source_dataset, h.source_file, h.source_line
    FROM holders h JOIN shared s USING (account)
    -- The institution's residents are where their money should go; the household outside it is the one to look at.
    WHERE NOT h.institutional`,
  remedy: '核实账号实际持有人，各户改用本人（或户主）名下账号发放，排查代领、冒领并追回被冒领资金',
  deadlineDays: 30,
});
