// Builds the typed, normalised tables (roll, payments, deaths, …) from raw_rows_<dataset>, once, in SQL; refused rows go to load_rejects.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, datasetSpec, standInsOf, type ColumnSpec, type DatasetName, type DatasetSpec } from '../datasets/catalog.ts';
import { installNormalisationMacros } from '../normalise/index.ts';
import { deferred, workThrough } from '../settle-all.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { BUSINESS_SOURCE, companyCodeIn, holderName } from './business-holders.ts';
import { keepUnplacedPaymentMonths } from './departed-payees.ts';
import { outOfScopeArm } from './out-of-scope-rows.ts';
import { readShortenedHeadCodes } from './shortened-head-codes.ts';
import { idsWrittenAsNone } from './ids-written-as-none.ts';
import { ROW_NAMES_READABLE_OWNERS, PROPERTY_OWNERS } from './property-co-owners.ts';
import {
  ACCOUNT_COLUMN, accountRefusals, createPayeeHouseholds, dropPayeeHouseholds, PAYEE_COLUMN, PAYEE_HOUSEHOLD, PAYEE_SOURCE, payeeRefusals,
  paymentsNamePayees,
} from './payee-households.ts';
import { allBlank, blank, createRawRowsView, dropStages, identityEmpty, NON_DATA_REASON, rawRows, refusedWithRowText, type StagedFile } from './raw-rows.ts';
import { rawTable } from './raw-tables.ts';
import { PAYMENT_PLACE_COLUMNS, placePaymentsOfSeparatedHouseholds, separateReusedHouseholdNumbers } from './reused-household-numbers.ts';
import { SPECIAL_COLUMNS, SPECIAL_EMPTY, SPECIAL_REFUSALS, SPECIAL_STEPS, SPECIAL_UNREADABLE } from './special-columns.ts';
import { buildValueMaps, dropValueMaps, idField, idParsed, mappedField, mappedSource } from './value-maps.ts';

/** The payments' columns that only find a payment's household, and are not kept in the typed table. */
const PAYMENT_PLACE_ONLY: readonly string[] = [ACCOUNT_COLUMN, ...PAYMENT_PLACE_COLUMNS];

/** ID columns parse into <prefix>__parsed and keep <prefix>_raw, <prefix>_status …: id_number → id, relative_id_number → relative_id. */
const idPrefix = (column: ColumnSpec) => (column.name === 'id_number' ? 'id' : column.name.replace(/_number$/, ''));

/** Why a 家庭编号 in scientific notation is refused: unusable-ids.ts finds a payment list so saved by it. */
export const CODE_LOST_DIGITS = '被 Excel 改成科学计数法，末位已丢失';

/** The typed columns a raw column becomes, by the kind the catalog gives it; costly parses come from the value maps. */
function typedColumns(column: ColumnSpec): string[] {
  const raw = q(column.name);
  switch (column.kind) {
    case 'id': {
      const prefix = idPrefix(column);
      return [`${idField(column, 'id')} AS ${q(column.name)}`, `${raw} AS ${prefix}_raw`, `${idField(column, 'status')} AS ${prefix}_status`,
        `${idField(column, 'problem')} AS ${prefix}_problem`, `${idField(column, 'birth_date')} AS ${prefix}_birth_date`];
    }
    case 'name': return [`${mappedField(column, 'name', 'm_name')} AS ${raw}`];
    case 'date': return [`${mappedField(column, 'date')} AS ${raw}`, `${raw} AS ${q(column.name + '_raw')}`];
    case 'month': return [`${mappedField(column, 'month')} AS ${raw}`, `${raw} AS ${q(column.name + '_raw')}`];
    case 'amount': return [`${mappedField(column, 'amount')} AS ${q(column.name + '_cents')}`, `${raw} AS ${q(column.name + '_raw')}`];
    case 'number': return [`${mappedField(column, 'number')} AS ${raw}`];
    case 'code': return [`rs_code(${raw}) AS ${raw}`];
    case 'text': return [`rs_text(${raw}) AS ${raw}`];
  }
}

/** One way a row of a reference list can be unusable: when it holds, and the (kind, column, reason, raw) it is listed with. */
interface RejectArm {
  when: string;
  problem: string;
}

/**
 * Columns no check decides on, shown in the evidence only (over_asset.payroll lists a member's 月工资; the check is that
 * he is on the payroll): a cell of one that cannot be read refuses nothing. Its typed value is empty, and the raw text
 * stays for the evidence. Until 2026-12-06 a 月工资 written 保密, 待核定 or #N/A refused the row: a member on the public
 * payroll was not found (a bad-row instead).
 */
export const SHOWN_ONLY: Partial<Record<DatasetName, readonly string[]>> = { payroll: ['monthly_salary'] };

/**
 * Columns read their own way (special-columns.ts) that read a cell written as none as they read an empty one, and so
 * take the rule below too: a business's dates and a car's, and a cadre's 任职起 (an empty one is a roster that does not
 * say when the term began: serving unless 任职止 is before P; until 2026-12-06 a 任职起 written — or 不详 refused the
 * cadre's row, and his relatives on the roll were not looked for). A 注销日期 only where its row leaves the date that
 * stands in for it (吊销日期, 报废日期) empty, whether or not it has a test of its own: an empty 注销日期 reads that date,
 * one written as none does not, and such a row is refused as before. Not a death's dates (the row's only date written
 * as none would leave it used, undated), nor a sentence's start or end, nor a cadre's 任职止 (an empty one is a term not
 * ended, and 不详 is no such thing: 任职止 — is read so in special-columns.ts, 不详 refused), nor a 释放日期 (— there is
 * no release and is read as an empty one in special-columns.ts; 不详 says he left on a day not known, and is refused).
 */
const NONE_AS_EMPTY: Partial<Record<DatasetName, Record<string, { unlessFilled?: string }>>> = {
  businesses: { registered_on: {}, closed_on: { unlessFilled: 'revoked_on' }, revoked_on: {} },
  vehicles: { deregistered_on: { unlessFilled: 'scrapped_on' }, scrapped_on: {} },
  cadres: { term_start: {} },
};

/**
 * When a filled date, month, amount or number cell refuses its row, or null when none does. An optional column's cell
 * that gives no value (rs_no_value: —, /, 无, 暂无, 不详 …, as many exports write "none") is empty, as a cell left
 * empty is: until 2026-12-06 a 注销日期 written — or a 成立日期 不详 refused the row, and an active business was missed.
 * A required column's so written is refused as before, and a column read its own way keeps its own test unless
 * NONE_AS_EMPTY says otherwise. Whether a cell gives no value comes from its value map (m_no_value), once per distinct
 * text: asked in the row, a list writing 注销日期 — on every row paid a regexp for each.
 */
function unreadableWhen(dataset: DatasetSpec, column: ColumnSpec, kind: 'date' | 'month' | 'amount' | 'number'): string | null {
  if (SHOWN_ONLY[dataset.name]?.includes(column.name)) return null;
  const raw = q(column.name);
  const special = SPECIAL_UNREADABLE[dataset.name]?.[column.name];
  const unreadable = special ?? `${mappedField(column, kind)} IS NULL`;
  const listed = NONE_AS_EMPTY[dataset.name]?.[column.name];
  const noneAsEmpty = column.required ? undefined : listed ?? (special ? undefined : {});
  if (!noneAsEmpty) return `NOT ${blank(raw)} AND ${unreadable}`;
  const noValue = `coalesce(${mappedField(column, kind, 'm_no_value')}, false)`;
  const none = noneAsEmpty.unlessFilled ? `(${noValue} AND ${blank(q(noneAsEmpty.unlessFilled))})` : noValue;
  return `NOT ${blank(raw)} AND ${unreadable} AND NOT ${none}`;
}

function rejectArms(dataset: DatasetSpec, byPayee: boolean): RejectArm[] {
  const arms: RejectArm[] = [];
  const problem = (kind: string, label: string, why: string, raw: string) => `{'kind': '${kind}', 'col': ${label}, 'why': ${why}, 'raw': ${raw}}`;
  for (const column of dataset.columns) {
    const raw = q(column.name);
    const label = sqlString(column.label);
    if (column.kind === 'id') {
      // Only the full parse (never the fast lane) finds a missing or invalid number.
      const status = idParsed(column, 'status');
      // The other ID columns that name the row's persons (a business's 法定代表人's and 经营者's beside its 身份证号码): the
      // row is refused as without an ID only where none gives a number (a company's row leaves the 经营者's empty). A cell
      // written as none (无, 暂无, 不详, —, 空: rs_no_value) gives none, as an empty one: alone, its row is refused as
      // without an ID (data_quality.bad-row, 身份证号码为空（写作「无」）), as the roll reports such an ID missing; until
      // 2026-12-06 it was an unreadable ID (data_quality.id-invalid, 含非法字符). Beside one that gives a number it is empty.
      const group = idGroup(dataset, column);
      const others = group.filter((other) => other !== column).map((other) => q(other.name));
      const givenBeside = others.map((other) => `(NOT ${blank(other)} AND NOT rs_no_value(${other}))`).join(' OR ');
      const missing = [`(${status} = 'missing' OR rs_no_value(${raw}))`, ...(givenBeside ? [`NOT (${givenBeside})`] : [])].join(' AND ');
      const writtenAsNone = idsWrittenAsNone(group.map((member) => ({ raw: q(member.name), label: member === column ? '' : member.label })));
      // A company's code in a 市场主体's ID cell beside another number is no person's (business-holders.ts).
      const companyCode = companyCodeIn(dataset.name, column.name);
      // A 不动产 row's ID cell naming its co-owners (371329…、371329…) is theirs (property-co-owners.ts), not unreadable;
      // a row whose 权利人 gives no number or an unreadable one beside readable 共有人证件号码 is theirs too, not refused
      // as without an ID (until 2026-12-08 a row with its 权利人 cell empty or 无 was, and its co-owner went unfound).
      const coOwned = dataset.name === 'properties' && column.name === 'id_number' ? ` AND NOT ${ROW_NAMES_READABLE_OWNERS}` : '';
      if (column.required) arms.push({ when: missing + coOwned, problem: problem('value', label, `${label} || '为空' || ${writtenAsNone}`, raw) });
      // An unreadable number (mistyped, masked 371329********0054) beside a readable one of its group names a person not
      // known beside one who is: the row is kept for him (business-holders.ts), the unreadable one still reported
      // (data_quality.id-invalid reads it from the typed row). A row with no readable number is refused as before.
      // Until 2026-12-06 a masked 法定代表人证件号码 refused the row, and the 经营者 beside it, a recipient, went unfound.
      const readableBeside = group.filter((other) => other !== column).map((other) => `${idField(other, 'id')} IS NOT NULL`).join(' OR ');
      arms.push({
        when: `${status} = 'invalid' AND NOT rs_no_value(${raw})${coOwned}${companyCode && givenBeside ? ` AND NOT ((${companyCode}) AND (${givenBeside}))` : ''}`
          + (readableBeside ? ` AND NOT (${readableBeside})` : ''),
        problem: problem('id', label, `${label} || '无法识别：' || ${idParsed(column, 'problem')}`, raw),
      });
      continue;
    }
    // A payment's 家庭编号 may be left empty where its payee or account is named (payee-households.ts: refused there if it names none).
    if (column.required) {
      const empty = [raw, ...standInsOf(dataset, column).map((other) => q(other.name))].map(blank).join(' AND ');
      // A payment's month may be read from a second header where the first's cell is empty (special-columns.ts).
      const special = SPECIAL_EMPTY[dataset.name]?.[column.name];
      arms.push({ when: special?.when ?? empty, problem: problem('value', label, special?.why ?? `${label} || '为空'`, raw) });
    }
    const refusals = !byPayee ? [] : column.name === PAYEE_COLUMN ? payeeRefusals(label) : column.name === ACCOUNT_COLUMN ? accountRefusals(label) : [];
    for (const refusal of refusals) arms.push({ when: refusal.when, problem: problem(refusal.kind, label, refusal.why, raw) });
    if (column.name === 'household_id') {
      // A payment's 家庭编号 in scientific notation names no one household (see ROLL_COLUMNS).
      arms.push({ when: `rs_code_lost_digits(${raw})`, problem: problem('value', label, `${label} || '无法识别：' || ${raw} || '（${CODE_LOST_DIGITS}）'`, raw) });
    }
    if (column.kind === 'date' || column.kind === 'month' || column.kind === 'amount' || column.kind === 'number') {
      const unreadable = unreadableWhen(dataset, column, column.kind);
      if (unreadable) arms.push({ when: unreadable, problem: problem('value', label, `${label} || '无法识别：' || ${raw}`, raw) });
    }
  }
  for (const refusal of SPECIAL_REFUSALS[dataset.name] ?? []) {
    const column = dataset.columns.find((c) => c.name === refusal.column)!;
    arms.push({ when: refusal.when, problem: problem('value', sqlString(column.label), refusal.why, q(column.name)) });
  }
  return arms;
}

/**
 * Every problem of a refused row (a kinship row may carry two bad IDs), NULL for a usable row. The list is built
 * only for rows with some problem: building and filtering it for every row of millions cost more than the tests.
 */
function problemList(arms: readonly RejectArm[]): string {
  if (arms.length === 0) return 'NULL';
  const any = arms.map((arm) => `(${arm.when})`).join(' OR ');
  const each = arms.map((arm) => `CASE WHEN ${arm.when} THEN ${arm.problem} END`).join(', ');
  return `CASE WHEN ${any} THEN list_filter([${each}], problem -> problem IS NOT NULL) END`;
}

/**
 * The ID columns that name a row's persons together with `column`: a required one and those standing in for it (a
 * business's 法定代表人's and 经营者's beside its 身份证号码), or `column` alone.
 */
function idGroup(dataset: DatasetSpec, column: ColumnSpec): ColumnSpec[] {
  const head = dataset.columns.find((c) => c.kind === 'id' && (c === column || (c.standIns ?? []).includes(column.name)));
  return head ? [head, ...standInsOf(dataset, head).filter((c) => c.kind === 'id')] : [column];
}

function nonDataCondition(dataset: DatasetSpec): string {
  const allEmpty = allBlank(dataset.columns.map((c) => q(c.name)));
  // _footer (see raw-rows.ts) already requires the identity columns empty; a roll row with neither identity nor name is no person's either.
  const rollNameless = dataset.name === 'roll' ? ` OR (${identityEmpty(dataset, q)} AND ${blank('name')})` : '';
  return `((${allEmpty}) OR _footer${rollNameless})`;
}

/** The columns a list kept from a template fills down every row, whether anyone is in it or not. */
const FILLED_DOWN = new Set([
  'county', 'township', 'village', 'village_code', 'program', 'household_area', 'status', 'source', 'id_type', 'month', 'month_fallback', 'month_headers', 'item',
]);
const TEMPLATE_ROW_REASON = '空白模板行（无人员信息，只有序号或逐行预填的乡镇、村、来源、月份等）';

/**
 * A row of a list kept from a template, below its data: its 序号 and a column filled down (村 东村, 来源 公安, 发放月份
 * 2026-10), no one in it. Until 2026-12-07 each such row was refused as 身份证号码为空 / 家庭编号为空, a
 * data_quality.bad-row finding per reason for nobody. A row giving anything else (an address, a plate, an amount, a
 * date, an account) is a record whose person the list lost, refused as before. The roll's rows without identity and
 * name are non-data rows already (nonDataCondition).
 */
function templateRowCondition(dataset: DatasetSpec): string | undefined {
  if (dataset.name === 'roll') return undefined;
  const filled = dataset.columns.filter((c) => !FILLED_DOWN.has(c.name)).map((c) => q(c.name));
  return `(${identityEmpty(dataset, q)} AND ${allBlank(filled)})`;
}

/**
 * Types every dataset. Given more connections to the same database, several datasets are typed at once: DuckDB
 * splits a table across cores only by row groups of 122,880 rows, so a county's lists would each run on one core.
 */
export async function normaliseDatasets(
  connection: DuckDBConnection,
  moreConnections: readonly DuckDBConnection[] = [],
  whileTyping: () => void = () => {},
  /** macrosInstalled: the macros are the database's, every connection has them (loadInputs' macroConnection). */
  { macrosInstalled = false }: { macrosInstalled?: boolean } = {},
): Promise<void> {
  const stages = new Map<DatasetSpec, StagedFile[]>();
  for (const dataset of DATASETS) stages.set(dataset, await createRawRowsView(connection, dataset.name));
  // The value maps are built on every connection, the others joining in once they have the macros.
  await buildValueMaps([connection, ...moreConnections].map(async (worker) => {
    if (worker !== connection && !macrosInstalled) await installNormalisationMacros(worker);
    return worker;
  }));
  // The roll is ready once typed with its reused household numbers told apart (and its payees' households listed):
  // a payment's household is matched with it.
  const rollReady = deferred();
  const typeOne = async (dataset: DatasetSpec, worker: DuckDBConnection, byPayee: boolean) => {
    await normaliseDataset(worker, dataset, stages.get(dataset)!, byPayee);
    if (dataset.name === 'payments') {
      await rollReady.promise;
      await placePaymentsOfSeparatedHouseholds(worker, stages.get(dataset)!);
    }
    // The typed table and load_rejects now hold every row: the raw text would only double the memory used.
    await worker.run(`DROP VIEW ${rawRows(dataset.name)}`);
    await worker.run(`DROP TABLE ${rawTable(dataset.name)}`);
    await dropStages(worker, { dataset: dataset.name });
  };
  const typeRoll = async (dataset: DatasetSpec, worker: DuckDBConnection, byPayee: boolean) => {
    try {
      await typeOne(dataset, worker, byPayee);
      await readShortenedHeadCodes(worker);
      await separateReusedHouseholdNumbers(worker);
      if (byPayee) await createPayeeHouseholds(worker);
      rollReady.resolve();
    } catch (error) {
      rollReady.reject(error);
      throw error;
    }
  };
  // A payment that names only its payee needs the typed roll to find its household: the payments are then typed last,
  // once the roll is (typing the roll alone first left a core idle: a county's roll is one row group, one thread).
  const byPayee = await paymentsNamePayees(connection, stages.get(datasetSpec('payments'))!);
  const order = byPayee ? [...DATASETS.filter((dataset) => dataset.name !== 'payments'), datasetSpec('payments')] : DATASETS;
  const typing = workThrough(order, [connection, ...moreConnections], async (dataset, worker) => {
    if (dataset.name === 'roll') return typeRoll(dataset, worker, byPayee);
    if (dataset.name === 'payments' && byPayee) await rollReady.promise;
    return typeOne(dataset, worker, byPayee);
  });
  try {
    whileTyping(); // every connection is now running its first (and largest) typing query
  } finally {
    await typing;
  }
  await dropValueMaps(connection);
  await dropPayeeHouseholds(connection);
  await connection.run(idOccurrencesView());
  await connection.run(`CREATE OR REPLACE TABLE dataset_labels AS SELECT * FROM (VALUES ${DATASETS.map((d) => `(${sqlString(d.name)}, ${sqlString(d.label)})`).join(', ')}) t(dataset, label)`);
}

/**
 * Every used ID of every dataset with the name it came with: for checks that compare a person across lists. A 不动产
 * row's co-owners are each seen, with the name that is surely his (property-co-owners.ts).
 */
function idOccurrencesView(): string {
  const parts = DATASETS.flatMap((dataset) => dataset.columns.filter((c) => c.kind === 'id').map((column) => {
    const prefix = idPrefix(column);
    // The name of the ID's person: id_number's is name, operator_id_number's operator_name; a kinship relative has none.
    const name = dataset.columns.find((c) => c.kind === 'name' && c.name === column.name.replace(/id_number$/, 'name'))?.name;
    // A used row may leave a business's 法定代表人's or 经营者's ID empty: no ID is seen there.
    const given = column.required && !column.standIns ? '' : ` WHERE ${q(column.name)} IS NOT NULL`;
    return `SELECT ${sqlString(dataset.name)} AS dataset, ${sqlString(dataset.label)} AS dataset_label, ${q(column.name)} AS id_number,
              ${prefix}_raw AS id_raw, ${prefix}_status AS id_status,
              ${name ? `${q(name)} AS name, ${q(`${name}_key`)} AS name_key` : 'NULL::VARCHAR AS name, NULL::VARCHAR AS name_key'},
              _file, _sheet, _line
            FROM ${dataset.name === 'properties' ? PROPERTY_OWNERS : q(dataset.name)}${given}`;
  }));
  return `CREATE OR REPLACE VIEW id_occurrences AS ${parts.join(' UNION ALL ')}`;
}

/**
 * The dataset's typed rows, refused ones included with their problems in _rejects (NULL for a usable row). `byPayee`:
 * some payments name their payee instead of their household, found through payee_households (payee-households.ts).
 */
export function typedSelect(dataset: DatasetSpec, byPayee = false): string {
  const payee = byPayee && dataset.name === 'payments';
  // The account paid, and a payment's 乡镇 and 村, only find a payment's household (read from the raw rows where needed):
  // kept as a column the account took about 0.1 GB more at B1M (twelve million payments, nearly all without one), which
  // no check reads.
  const kept = dataset.columns.filter((column) => dataset.name !== 'payments' || !PAYMENT_PLACE_ONLY.includes(column.name));
  const typed = kept.flatMap((column) => (payee && column.name === 'household_id'
    ? [`coalesce(rs_code(household_id), ${PAYEE_HOUSEHOLD}) AS household_id`]
    : SPECIAL_COLUMNS[dataset.name]?.[column.name] ?? typedColumns(column)));
  // The roll keeps every person row (a bad value is reported, not dropped); reference rows that cannot be matched are refused.
  const problems = problemList(dataset.name === 'roll' ? [] : rejectArms(dataset, payee));
  // A non-data row is only that, and so is an out-of-scope one (a 迁出 on a 注销户籍 list): its other problems do not matter.
  const nonData = (why: string) => `[{'kind': 'non-data', 'col': NULL::VARCHAR, 'why': ${sqlString(why)}, 'raw': NULL::VARCHAR}]`;
  const templateRow = templateRowCondition(dataset);
  const templateArm = templateRow ? ` WHEN ${templateRow} THEN ${nonData(TEMPLATE_ROW_REASON)}` : '';
  const rejectList = `CASE WHEN ${nonDataCondition(dataset)} THEN ${nonData(NON_DATA_REASON)}${outOfScopeArm(dataset.name)}${templateArm} ELSE ${problems} END`;
  // Each name's comparison form (traditional → simplified), <name>_key, goes last, after the row's origin: name_key, and
  // a business's 法定代表人's and 经营者's, each as the holder's of its role (business-holders.ts).
  const nameKey = dataset.columns.filter((c) => c.kind === 'name').map((c) => `, ${dataset.name === 'businesses'
    ? holderName(c.name, 'm_name_key') : mappedField(c, 'name', 'm_name_key')} AS ${q(`${c.name}_key`)}`).join('');
  // A business's plain ID cell as a code is a column of its source, computed once (business-holders.ts), as are the
  // values special columns read more than once (special-columns.ts).
  const additions = payee ? PAYEE_SOURCE : dataset.name === 'businesses' ? BUSINESS_SOURCE : { columns: [], joins: [] };
  const source = mappedSource(dataset, { ...additions, overMapped: SPECIAL_STEPS[dataset.name] });
  return `SELECT ${typed.join(', ')}, ${rejectList} AS _rejects, _file, _sheet, _line${nameKey}
    FROM ${source}`;
}

async function normaliseDataset(connection: DuckDBConnection, dataset: DatasetSpec, stages: readonly StagedFile[], byPayee: boolean): Promise<void> {
  // The typed table is written once, refused rows included, then those are listed and deleted: no second copy
  // of millions of rows, and the raw row text is fetched only for the few refused (file, sheet, line is unique).
  const table = q(dataset.name);
  await connection.run(`CREATE OR REPLACE TABLE ${table} AS ${typedSelect(dataset, byPayee)}`);
  const refused = `(SELECT _file, _sheet, _line, unnest(_rejects) AS problem FROM ${table} WHERE len(_rejects) > 0)`;
  await connection.run(`
    INSERT INTO load_rejects
    SELECT ${sqlString(dataset.name)}, _file, _sheet, _line, problem.kind, problem.col, problem.raw, problem.why, _raw_row
    FROM (${refusedWithRowText(dataset.name, refused, stages)})`);
  // The month of each payment that found no household: one for a month before P may be history (departed-payees.ts).
  if (dataset.name === 'payments') await keepUnplacedPaymentMonths(connection);
  await connection.run(`DELETE FROM ${table} WHERE len(_rejects) > 0`);
  await connection.run(`ALTER TABLE ${table} DROP COLUMN _rejects`);
}
