// The costly parses (dates, months, amounts, numbers, names, vehicle codes, the roll's coded columns, a death's reason) run
// once per distinct raw text across every dataset, not once per row: a county's lists repeat the same dates and amounts
// many times over. Each map is a table keyed by the raw text (NULL included), not a temp one: datasets may be typed on
// several connections at once. ID numbers are nearly all distinct and nearly all well-formed: they are typed in the row
// (the fast lane), and only the rest go through the full parse, row by row.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, type ColumnSpec, type DatasetSpec, type ValueKind } from '../datasets/catalog.ts';
import { workThrough } from '../settle-all.ts';
import { quoteIdentifier as q } from '../sql-text.ts';
import { coOwnerIdsMap, coOwnerNamesMap } from './co-owner-cells.ts';
import { rawRows } from './raw-rows.ts';
import { institutionValueMap } from '../normalise/institution-macros.ts';

export type MappedKind = 'date' | 'month' | 'amount' | 'number' | 'name' | 'vehicle_type' | 'vehicle_states' | 'program' | 'roll_status' | 'head' | 'yes' | 'cancellation'
  | 'vague_staff_kind' | 'institution' | 'household_area' | 'co_owner_ids' | 'co_owner_names';

interface ValueMap {
  table: string;
  /** The map's rows from the distinct raw texts (column m_raw); every column named m_… so none clashes with a dataset column. */
  select: (distinctRaw: string) => string;
}

/** A map whose one value (m_value) is a macro of the raw text. */
const macroMap = (table: string, macro: string): ValueMap => ({
  table, select: (distinctRaw) => `SELECT m_raw, ${macro}(m_raw) AS m_value FROM (${distinctRaw})`,
});

/**
 * A map of a date, month, amount or number, which also says of a text that is none whether it gives no value at all
 * (m_no_value, rs_no_value: —, /, 无, 不详 …): normalise-datasets.ts reads such a cell of an optional column as empty.
 * Asked here once per distinct text: asked in the row, it cost a regexp for every row written so.
 */
const valueMap = (table: string, macro: string): ValueMap => ({
  table, select: (distinctRaw) => `SELECT m_raw, ${macro}(m_raw) AS m_value, m_value IS NULL AND rs_no_value(m_raw) AS m_no_value FROM (${distinctRaw})`,
});

const VALUE_MAPS: Record<MappedKind, ValueMap> = {
  date: valueMap('map_dates', 'rs_date'),
  month: valueMap('map_months', 'rs_month'),
  amount: valueMap('map_cents', 'rs_cents'),
  number: valueMap('map_numbers', 'rs_number'),
  // The comparison form (traditional → simplified) once per distinct normalised name: fewer still than raw spellings.
  name: {
    table: 'map_names',
    select: (distinctRaw) => `WITH names AS (SELECT m_raw, rs_name(m_raw) AS m_name FROM (${distinctRaw}))
      SELECT names.*, keys.m_name_key FROM names
      LEFT JOIN (SELECT m_name, rs_name_key(m_name) AS m_name_key FROM (SELECT DISTINCT m_name FROM names WHERE m_name IS NOT NULL)) keys USING (m_name)`,
  },
  // A 车管 list's codes (K33, 号牌种类 02, 机动车状态 E): a handful of distinct values over millions of vehicles.
  vehicle_type: macroMap('map_vehicle_types', 'rs_vehicle_type'),
  vehicle_states: {
    table: 'map_vehicle_states',
    select: (distinctRaw) => `SELECT m_raw, rs_vehicle_states(m_raw) AS m_states, array_to_string(m_states, '、') AS m_value FROM (${distinctRaw})`,
  },
  // The roll's coded columns: a few dozen spellings over a million persons. rs_program alone (two whole-value regexps)
  // cost 1.9 s per million rows on one thread, a join 0.1 s.
  program: {
    table: 'map_programs',
    select: (distinctRaw) => `SELECT m_raw, m_program.family AS m_family, m_program.area AS m_area
      FROM (SELECT m_raw, rs_program(m_raw) AS m_program FROM (${distinctRaw}))`,
  },
  roll_status: macroMap('map_roll_statuses', 'rs_roll_status'),
  // A roll's 城乡类别 or 户籍性质 (农村, 非农业): a handful of spellings, read where the 救助类别 says only 低保.
  household_area: macroMap('map_household_areas', 'rs_household_area'),
  head: macroMap('map_heads', 'rs_is_head'),
  yes: macroMap('map_answers', 'rs_yes'),
  // A 注销户籍 list's 注销原因: death, another reason, or unclear (rs_cancellation_kind), over two million deaths at B1M.
  cancellation: macroMap('map_cancellations', 'rs_cancellation_kind'),
  // A payroll 人员类别 or 岗位类别 that says only how a person is hired (编外, 临时工, empty): asked up to five times a row
  // by the 公益性岗位 rules (out-of-scope-rows.ts), each time through a lambda that compiled its regexps again for every
  // chunk (typing a county's 25 thousand payroll rows took 1.1 s, 0.25 s with the map).
  vague_staff_kind: macroMap('map_vague_staff_kinds', 'rs_vague_staff_kind'),
  // A deposits row's bank, keyed once per spelling (a few dozen over a million rows), in simplified characters: a round
  // written 中國農業銀行 is 农行's too. Keyed in the row as written, it was keyed up to four times a row, and such a
  // round was another bank's (until 2026-12-05: its balance added to the later round's, a false high finding).
  // The simplified name is computed a step before the key: rs_institution_key names its argument a dozen times, and given
  // the translation each time, it bound the translation's regexps as often (0.4 s to key a township's few banks).
  institution: {
    table: 'map_institutions',
    // A rural bank that names no county is the lists' one county's, where they name one (institutionValueMap).
    select: institutionValueMap,
  },
  // A 不动产 list's co-owners in one ID cell, and their names in one 权利人 cell (co-owner-cells.ts): only cells that split.
  co_owner_ids: { table: 'map_co_owner_ids', select: coOwnerIdsMap },
  co_owner_names: { table: 'map_co_owner_names', select: coOwnerNamesMap },
};

/**
 * Columns read as another kind too: 享受起始年月 (roll start_date), a cadre's 任职起/任职止 (2021.04), a sentence's dates,
 * a death's dates (死亡日期 2026年9月, 火化日期, 注销日期) and a business's (成立日期 2015年8月, 注销日期, 吊销日期) may hold a
 * month, and are each a month column to doubtful-months.ts (a 2026.1 that may be 2026.10 is treated alike in every one);
 * a vehicle's type and state may be codes; the roll's 救助类别, 状态, 与户主关系 and 是否备案 and a death's 注销原因 are
 * read as categories, a payroll's 人员类别 and 岗位类别 as a class that may say no more than how a person is hired, and a
 * deposits row's 金融机构 as the institution it names.
 */
const ALSO_READ_AS: Partial<Record<string, MappedKind[]>> = {
  'roll.start_date': ['month'], 'cadres.term_start': ['month'], 'cadres.term_end': ['month'],
  'vehicles.vehicle_type': ['vehicle_type'], 'vehicles.status': ['vehicle_states'],
  'roll.program': ['program'], 'roll.household_area': ['household_area'], 'roll.status': ['roll_status'], 'roll.relation': ['head'], 'roll.cadre_relative_filed': ['yes'],
  'deaths.reason': ['cancellation'], 'deaths.death_date': ['month'], 'deaths.cremated_on': ['month'], 'deaths.cancelled_on': ['month'],
  'businesses.registered_on': ['month'], 'businesses.closed_on': ['month'], 'businesses.revoked_on': ['month'],
  'prisoners.sentence_start': ['month'], 'prisoners.sentence_end': ['month'], 'prisoners.released_on': ['month'],
  'payroll.staff_kind': ['vague_staff_kind'], 'payroll.post_class': ['vague_staff_kind'],
  // A month in these is read as other lists' are (special-columns.ts): until 2026-12-08 it refused the row.
  'deposits.institution': ['institution'], 'deposits.as_of': ['month'],
  'vehicles.deregistered_on': ['month'], 'vehicles.scrapped_on': ['month'], 'properties.registered_on': ['month'],
  'properties.id_number': ['co_owner_ids'], 'properties.name': ['co_owner_names'], 'properties.co_owner_id_number': ['co_owner_ids'], 'properties.co_owner_name': ['co_owner_names'],
};

function isMapped(kind: ValueKind): kind is ValueKind & MappedKind {
  return kind in VALUE_MAPS;
}

function kindsOf(dataset: DatasetSpec, column: ColumnSpec): MappedKind[] {
  return [...(isMapped(column.kind) ? [column.kind] : []), ...(ALSO_READ_AS[`${dataset.name}.${column.name}`] ?? [])];
}

/** The column is read as a month (发放月份, and the columns ALSO_READ_AS one: 享受起始年月, 任职起止, a death's or a business's dates …). */
export function readsAsMonth(dataset: DatasetSpec, column: ColumnSpec): boolean {
  return kindsOf(dataset, column).includes('month');
}

/** The alias under which a column's parse of this kind is joined into its dataset's query. */
function mappedAlias(column: Pick<ColumnSpec, 'name'>, kind: MappedKind): string {
  return q(`${column.name}__${kind}`);
}

/** A column's parse of this kind from its value map: m_value, or another of the map's columns (m_name, m_family …). */
export function mappedField(column: Pick<ColumnSpec, 'name'>, kind: MappedKind, field = 'm_value'): string {
  return `${mappedAlias(column, kind)}.${field}`;
}

/**
 * Builds every value map, handing the maps out to the connections as each is free: a county's lists are one row group
 * each, which DuckDB reads on one core, so one map at a time left a core idle. A connection is a promise, ready once
 * it has the normalisation macros (see normaliseDatasets).
 */
export async function buildValueMaps(connections: readonly Promise<DuckDBConnection>[]): Promise<void> {
  await workThrough(Object.entries(VALUE_MAPS) as [MappedKind, ValueMap][], connections, async ([kind, map], ready) => {
    const connection = await ready;
    const sources = DATASETS.flatMap((dataset) => dataset.columns
      .filter((column) => kindsOf(dataset, column).includes(kind))
      .map((column) => `SELECT ${q(column.name)} AS m_raw FROM ${rawRows(dataset.name)}`));
    const distinctRaw = `SELECT DISTINCT m_raw FROM (${sources.join(' UNION ALL ')})`;
    await connection.run(`CREATE OR REPLACE TABLE ${map.table} AS ${map.select(distinctRaw)}`);
  });
}

export async function dropValueMaps(connection: DuckDBConnection): Promise<void> {
  for (const map of Object.values(VALUE_MAPS)) await connection.run(`DROP TABLE IF EXISTS ${map.table}`);
}

/** A step of an ID's parse as a column beside the row: <name>__number, __canonical (the fast lane), __clean, __digits, __facts, __parsed. */
export const idStep = (name: string, step: 'number' | 'canonical' | 'clean' | 'digits' | 'facts' | 'parsed') => q(`${name}__${step}`);
const canonical = (column: ColumnSpec) => idStep(column.name, 'canonical');
const parsed = (column: ColumnSpec) => idStep(column.name, 'parsed');

export type IdField = 'id' | 'status' | 'problem' | 'birth_date';

/** An ID column's full parse (fullIdParse: what rs_id_parse gives), NULL for a well-formed number: for a refused row's reason. */
export function idParsed(column: ColumnSpec, field: IdField): string {
  return `${parsed(column)}.${field}`;
}

/** An ID column's parsed field: from the fast lane when the number is well-formed, else from the full parse. */
export function idField(column: ColumnSpec, field: IdField): string {
  const fast = { id: q(column.name), status: "'valid'", problem: 'NULL::VARCHAR', birth_date: `rs_id_birth_date(${canonical(column)})` }[field];
  return `CASE WHEN ${canonical(column)} IS NOT NULL THEN ${fast} ELSE ${idParsed(column, field)} END`;
}

/**
 * An ID's full parse, only where `when` holds, as four steps (one subquery each, see mappedSource): the cleaned text,
 * its body, its check character and birth-date test, the verdict (<name>__parsed). That is rs_id_parse taken apart:
 * rs_id_parse names its steps with lambdas, and a lambda inside a CASE ran for nearly the whole chunk whenever one row
 * of it took that branch. One ill-formed ID in a few hundred is in nearly every chunk, and the full parse cost about
 * 1.5 s per million IDs beyond the fast lane.
 */
export function fullIdParse(raw: string, when: string, name: string): IdParseSteps {
  const [clean, digits, facts] = [idStep(name, 'clean'), idStep(name, 'digits'), idStep(name, 'facts')];
  return [
    `CASE WHEN ${when} THEN rs_id_clean(CAST(${raw} AS VARCHAR)) END AS ${clean}`,
    `TRY_CAST(rs_id_body(${clean}) AS BIGINT) AS ${digits}`,
    `CASE WHEN ${when} THEN rs_id_facts(${digits}) END AS ${facts}`,
    `CASE WHEN ${when} THEN rs_id_verdict(${clean}, ${digits}, ${facts}) END AS ${idStep(name, 'parsed')}`,
  ];
}
type IdParseSteps = readonly [clean: string, digits: string, facts: string, verdict: string];

/** What a caller adds to a dataset's source: IDs to parse fully (fullIdParse), columns over the raw row, joins on them. */
export interface SourceAdditions {
  idParses?: readonly IdParseSteps[];
  columns: readonly string[];
  /** Columns over those and the ID parses (a 市场主体's ID cell holding a company's code, told once: business-holders.ts). */
  over?: readonly string[];
  /**
   * Layers of columns over the mapped values, each layer reading those before it (a death's date from its 死亡日期, 火化日期
   * and 注销日期: special-columns.ts). Named once there, a value is one column to the typed columns that read it: written
   * out in each, every copy was bound and optimised again (the demo's deaths: 0.7 s for a few rows).
   */
  overMapped?: readonly (readonly string[])[];
  joins: readonly string[];
}

/**
 * The dataset's raw rows with every mapped parse of its columns LEFT JOINed beside them, and for each ID column its
 * fast-lane body (<column>__canonical, NULL unless well-formed) and, only where that is NULL, the full parse
 * (<column>__parsed), each step a subquery of its own.
 */
export function mappedSource(dataset: DatasetSpec, more: SourceAdditions = { columns: [], joins: [] }): string {
  const table = rawRows(dataset.name);
  const ids = dataset.columns.filter((column) => column.kind === 'id');
  const idParses = [...ids.map((column) => fullIdParse(q(column.name), `${canonical(column)} IS NULL`, column.name)), ...(more.idParses ?? [])];
  const steps = [
    ids.map((column) => `rs_id_fast_number(${q(column.name)}) AS ${idStep(column.name, 'number')}`),
    ids.map((column) => `rs_id_canonical(${idStep(column.name, 'number')}) AS ${canonical(column)}`),
    idParses.map(([clean]) => clean),
    idParses.map(([, digits]) => digits),
    idParses.map(([, , facts]) => facts),
  ].filter((columns) => columns.length > 0);
  // `more`: the caller's columns over the raw row and joins on them (a 代发 file's payee and his household).
  const outer = [...idParses.map(([, , , verdict]) => verdict), ...more.columns];
  const inner = steps.reduce(withColumns, table);
  const parsed = outer.length ? withColumns(inner, outer) : table;
  const over = more.over?.length ? withColumns(parsed, more.over) : parsed;
  const source = over === table ? table : `${over} AS ${table}`;
  const maps = dataset.columns.flatMap((column) => kindsOf(dataset, column).map((kind) => ({ column, kind, alias: mappedAlias(column, kind) })));
  const joins = maps.map(({ column, kind, alias }) =>
    `LEFT JOIN ${VALUE_MAPS[kind].table} AS ${alias} ON ${alias}.m_raw IS NOT DISTINCT FROM ${table}.${q(column.name)}`);
  if (!more.overMapped?.length) return [source, ...joins, ...more.joins].join('\n');
  // Each map's row is kept as one column under its alias (a struct), so mappedField reads it over the layers as beside the join.
  const mapped = `(SELECT ${[`${table}.*`, ...maps.map(({ alias }) => alias)].join(', ')} FROM ${[source, ...joins].join('\n')})`;
  return [`${more.overMapped.reduce(withColumns, mapped)} AS ${table}`, ...more.joins].join('\n');
}

/** `from` with `columns` computed beside its own: one subquery, so a later one reads them by name. */
function withColumns(from: string, columns: readonly string[]): string {
  return `(SELECT *, ${columns.join(', ')} FROM ${from})`;
}
