// What typing reads: raw_rows_<dataset>, a view over the rows appended to raw_<dataset> (XLSX sheets, the careful
// CSV reader) and the files DuckDB staged whole (stage_<n>: CSV files it reads, Parquet files), read where they lie
// instead of copied: at a million-person scale the copy, and the joined text of every row kept for the few refused,
// cost seconds and a couple of gigabytes. A staged CSV's rows that are not data (blank, shifted) are listed in its
// skip table.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, identityColumns, type DatasetName, type DatasetSpec } from '../datasets/catalog.ts';
import { WHITESPACE_CLASS } from '../normalise/macro-definition.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { rawTable } from './raw-tables.ts';

/**
 * A total's word, and the words that may come before it (本月合计, 本页小计, 全镇总计), spaces of any kind allowed between
 * its characters: a form centres 合　计 with a full-width space. Until 2026-12-05 such a row under a 发放明细 was two
 * data-quality findings (家庭编号为空, 发放月份为空).
 */
const TOTAL_WORD = `(?:[合总小共]${WHITESPACE_CLASS}*计)`;
const TOTAL_PREFIX = '(?:本月|本页|本表|本期|本村|本镇|本乡|全村|全镇|全乡|全县|全部|以上|累计|总)?';
/** Words that open the rows under a table that hold no person: totals and signature lines (合计、制表人 …). */
/**
 * Also what closes a printed list under its last row: 以下空白, a seal's place (（公章）, 村（居）委会（盖章）), a contact
 * line (联系电话：…) or a signature. Until 2026-12-06 each such line of a reference list was a row without an ID, two
 * data_quality.bad-row findings (ID and date empty) with no village; the roll read them as non-data already.
 */
const FOOTER_WORDS = `(${TOTAL_PREFIX}${WHITESPACE_CLASS}*${TOTAL_WORD}|制表|审核|填表|填报|负责人|经办人|单位负责人|备注|说明|注[:：]`
  + `|以下空白|以下无|联系电话|联系人[:：]|签字|签名|[^,]{0,12}(?:公章|盖章))`;
/**
 * A total written in the ID or 家庭编号 column itself (a 发放明细's 本月合计 row under 家庭编号): no ID or household number
 * holds Chinese characters before 合计. Until 2026-12-02 such a row was a data-quality finding of its own.
 */
const TOTAL_IN_CELL = sqlString(`^\\p{Han}{0,6}${TOTAL_WORD}`);
/** After the total word, only what counts or sums it (：2户3人, 1200元). */
const TOTAL_TAIL = `(?:${WHITESPACE_CLASS}|[0-9０-９.人户名元()（）、:：])*`;
/**
 * A village's or township's subtotal: a place's name closed by a total word, and at most a count or sum after it
 * (东村小计, 店头镇合计, 西山村委会小计：2户3人). Until 2026-12-07 such a row under each village was read as a person
 * named after its head count (2人, a missing-field finding), and 店头镇合计 as a township with a workbook of its own.
 * The total word must end the text: a village 小计庄, 合作村 or 计家村 is a place, not a total.
 */
const PLACE_TOTAL = `\\p{Han}{0,12}?${WHITESPACE_CLASS}*${TOTAL_WORD}${TOTAL_TAIL}`;
/** In a 县区, 乡镇 or 村 cell any name before the total word is a place's. */
const PLACE_TOTAL_CELL = sqlString(`^${WHITESPACE_CLASS}*${PLACE_TOTAL}$`);
/**
 * A name cell holding a total (a subtotal's label spanning into 姓名): there the words before the total must end as a
 * place's do (一组, 村委会, 店头镇), so a person 王小计 without an ID stays a person.
 */
const PLACE_SUFFIX = '(?:村|镇|乡|街道|街|社区|居|组|会|屯|庄|寨|队|片|区|县|市|处|场)';
const NAME_CELL_PLACE_TOTAL_PATTERN = sqlString(
  `^(?:,|${WHITESPACE_CLASS})*\\p{Han}{0,11}?${PLACE_SUFFIX}${WHITESPACE_CLASS}*${TOTAL_WORD}${TOTAL_TAIL}(?:,|$)`,
);
/**
 * The row's first filled cell, usually its 序号 (a cell no dataset column reads), holding a place's subtotal: any name
 * before the total word, as in a place cell (店头小计, 东村小计：2户3人). Should that cell be a name column's, the name
 * cells' guard in placeSubtotal still asks a place's ending of it, so 王小计 there stays a person. Until 2026-12-07 the
 * first filled cell too had to end as a place's does: a 花名册's 店头小计 under 序号 was a person named after its head
 * count (1人), a data_quality.missing-field finding each month and one more person on the roll.
 */
const LEADING_PLACE_TOTAL_PATTERN = sqlString(`^(?:,|${WHITESPACE_CLASS})*${PLACE_TOTAL}(?:,|$)`);
/** What a subtotal's name cell holds: its head count (2人, 共3人, 三户), never a person's name. */
const HEAD_COUNT_PATTERN = sqlString(`[0-9０-９]|^${WHITESPACE_CLASS}*[共计]?[一二三四五六七八九十两百]+[人户名]${WHITESPACE_CLASS}*$`);
/** A cell that starts with a footer word (after spaces of any kind). */
const CELL_FOOTER_PATTERN = sqlString(`^${WHITESPACE_CLASS}*${FOOTER_WORDS}`);
/** The row's first non-empty cell starts with a footer word (cells of spaces of any kind count as empty). */
const LEADING_FOOTER_PATTERN = sqlString(`^(?:,|${WHITESPACE_CLASS})*${FOOTER_WORDS}`);

/** One file DuckDB staged: which dataset, where its rows start, and which cell holds which column. */
export interface StagedFile {
  table: string;
  dataset: DatasetName;
  file: string;
  /** Physical line of the stage's first row (rowid 0). */
  firstLine: number;
  /** Cells of every row (c0 … c<n-1>), mapped or not: the row as the careful reader keeps it joins them all. */
  cellCount: number;
  /** Dataset column → cell index. */
  columns: ReadonlyMap<string, number>;
  /** Dataset column → one value for every row: a 发放表's month stated in its title or file name (stated-month.ts). */
  constants?: ReadonlyMap<string, string>;
  /** Rows of the stage that are not landed (blank, or refused as shifted): in <table>_skip, by rowid. */
  skippedRows: number;
  /** Rowids of the header repeated among the rows in the file's layout (header-blocks.ts): non-data rows. */
  repeatedHeaders?: readonly number[];
}

/** Why a row _footer marks is refused, in load_rejects; the careful reader gives it a repeated header row it refuses itself. */
export const NON_DATA_REASON = '非数据行（合计、签字、说明、栏次或重复的表头行）';

export const stageCell = (index: number) => `c${index}`;
export const skipTable = (stage: string) => `${stage}_skip`;
export const rawRows = (dataset: DatasetName) => `raw_rows_${dataset}`;

export async function newStageTable(connection: DuckDBConnection): Promise<string> {
  const next = (await connection.runAndReadAll("SELECT nextval('stage_numbers')::INTEGER")).getRows()[0]![0];
  return `stage_${next}`;
}

export async function registerStage(connection: DuckDBConnection, staged: StagedFile): Promise<void> {
  await connection.run(
    'INSERT INTO staged_files VALUES ($stage, $dataset, $file, $first_line, $cell_count, $columns, $constants, $skipped, $repeated_headers)',
    {
      stage: staged.table, dataset: staged.dataset, file: staged.file, first_line: staged.firstLine, cell_count: staged.cellCount,
      columns: JSON.stringify(Object.fromEntries(staged.columns)), constants: JSON.stringify(Object.fromEntries(staged.constants ?? [])),
      skipped: staged.skippedRows, repeated_headers: JSON.stringify(staged.repeatedHeaders ?? []),
    },
  );
}

async function stagesOf(connection: DuckDBConnection, dataset: DatasetName): Promise<StagedFile[]> {
  const reader = await connection.runAndReadAll(
    'SELECT stage, _file, first_line, cell_count, columns, constants, skipped_rows::INTEGER, repeated_headers FROM staged_files WHERE dataset = $dataset ORDER BY rowid',
    { dataset },
  );
  return reader.getRows().map(([table, file, firstLine, cellCount, columns, constants, skippedRows, repeatedHeaders]) => ({
    table: String(table), dataset, file: String(file), firstLine: Number(firstLine), cellCount: Number(cellCount),
    columns: new Map(Object.entries(JSON.parse(String(columns)) as Record<string, number>)),
    constants: new Map(Object.entries(JSON.parse(String(constants)) as Record<string, string>)), skippedRows: Number(skippedRows),
    repeatedHeaders: JSON.parse(String(repeatedHeaders)) as number[],
  }));
}

/** Drops the stages (and their registry rows) of one file, or of every file of a dataset once it is typed. */
export async function dropStages(connection: DuckDBConnection, where: { file: string } | { dataset: DatasetName }): Promise<void> {
  const [column, value] = 'file' in where ? ['_file', where.file] : ['dataset', where.dataset];
  const stages = (await connection.runAndReadAll(`SELECT stage FROM staged_files WHERE ${column} = $value`, { value })).getRows();
  for (const [stage] of stages) await dropStageTables(connection, String(stage));
  await connection.run(`DELETE FROM staged_files WHERE ${column} = $value`, { value });
}

/** A stage and its skip table (if it has one), registered or not: a file that failed before registering leaves none. */
export async function dropStageTables(connection: DuckDBConnection, stage: string): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${q(stage)}`);
  await connection.run(`DROP TABLE IF EXISTS ${q(skipTable(stage))}`);
}

/** The row as the careful reader keeps it: every cell, empty ones as '', joined by commas. */
export function stagedRowText(cellCount: number, alias = ''): string {
  return `concat_ws(',', ${Array.from({ length: cellCount }, (_, i) => `coalesce(${alias}${stageCell(i)}, '')`).join(', ')})`;
}

/**
 * The first code point of a cell that trim() never removes: ASCII ! to ~, and everything from U+3400 (CJK) up. trim()
 * takes the Unicode spaces (U+0020, U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000), all below.
 */
const NEVER_TRIMMED = (expression: string) => `ascii(${expression}) BETWEEN 33 AND 126 OR ascii(${expression}) >= 13312`;

/**
 * NULL, or nothing but spaces. A cell that opens with a character trim() never takes is settled without trimming:
 * trim() copies the string, and over the 125 million cells of B1M this test (every column of every row, in the
 * non-data test) cost several seconds; nearly every filled cell opens so.
 */
export function blank(expression: string): string {
  return `(CASE WHEN ${expression} IS NULL THEN true WHEN ${NEVER_TRIMMED(expression)} THEN false ELSE trim(${expression}) = '' END)`;
}

/** Every one blank: a CASE that stops at the first filled cell (AND, in a SELECT list, tests every cell of every row). */
export function allBlank(expressions: readonly string[]): string {
  return `(CASE ${expressions.map((expression) => `WHEN NOT ${blank(expression)} THEN false`).join(' ')} ELSE true END)`;
}

/** The row's identity cells are each empty or hold a footer word: with a footer word in the row, not a person's row. */
export function identityEmpty(dataset: DatasetSpec, column: (name: string) => string): string {
  return identityColumns(dataset)
    // An all-ASCII value (byte count = character count: every well-formed ID) cannot hold a footer word: no regexp for it.
    .map((c) => `CASE WHEN ${blank(column(c.name))} THEN true WHEN strlen(${column(c.name)}) = length(${column(c.name)}) THEN false
                      ELSE regexp_matches(${column(c.name)}, ${CELL_FOOTER_PATTERN}) END`)
    .join(' AND ');
}

/**
 * _footer: the row's identity is empty and it opens with a footer word (合计 often sits in a 序号 column, left of
 * everything), or its ID, household or name cell holds one. A footer word further along does not make a row a footer:
 * a person on the roll without an ID whose 备注 reads 注：身份证待补办 is still a person (data_quality reports the
 * missing ID). CASE searches the row's text only for rows without an identity: a few in millions. `repeatedHeader`: a
 * staged file's header rows repeated in its layout, which the reader found (the careful reader refuses its own).
 */
function footer(dataset: DatasetSpec, column: (name: string) => string, rowText: string, repeatedHeader = 'false'): string {
  const ownCells = [...identityColumns(dataset), ...dataset.columns.filter((c) => c.kind === 'name')]
    .map((c) => `coalesce(regexp_matches(${column(c.name)}, ${CELL_FOOTER_PATTERN}), false)`);
  return `${repeatedHeader} OR CASE WHEN ${identityEmpty(dataset, column)} THEN regexp_matches(${rowText}, ${LEADING_FOOTER_PATTERN}) OR ${ownCells.join(' OR ')}
      OR ${placeSubtotal(dataset, column, rowText)}
    ELSE ${totalInIdentityCell(dataset, column)} OR ${columnNumbers(dataset, column, rowText)} END AS _footer`;
}

const PLACE_COLUMNS = new Set(['county', 'township', 'village']);

/**
 * A place's subtotal (PLACE_TOTAL_CELL) in a 县区, 乡镇 or 村 cell, or as the row's first filled cell; asked only of a
 * row without an ID or 家庭编号 (footer's CASE), so a person's row with one is never dropped by it. Its name cells must
 * hold nothing, a head count or the subtotal itself: a person named 张三 beside 东村小计 is a row to look at, not a total.
 */
function placeSubtotal(dataset: DatasetSpec, column: (name: string) => string, rowText: string): string {
  const placeCells = dataset.columns.filter((c) => PLACE_COLUMNS.has(c.name))
    .map((c) => `coalesce(regexp_matches(${column(c.name)}, ${PLACE_TOTAL_CELL}), false)`);
  const labelled = [`regexp_matches(${rowText}, ${LEADING_PLACE_TOTAL_PATTERN})`, ...placeCells].join(' OR ');
  const nameCells = dataset.columns.filter((c) => c.kind === 'name').map((c) => column(c.name))
    .map((name) => `(${blank(name)} OR coalesce(regexp_matches(${name}, ${HEAD_COUNT_PATTERN}) OR regexp_matches(${name}, ${NAME_CELL_PLACE_TOTAL_PATTERN}), false))`);
  return `((${labelled})${nameCells.map((guard) => ` AND ${guard}`).join('')})`;
}

/** What a 栏次 row may hold besides the numbers: the word itself, or the letters that number a form's first columns. */
const COLUMN_NUMBER_CELL = sqlString('\\d{1,2}|栏次|栏号|甲|乙|丙|丁');

/**
 * A 栏次 row under the header, numbering its columns as a statistical form prints them (1, 2, 3 …, after 栏次 or 甲 乙):
 * read as data, it was a roll person named 4 whose ID is 5, with four false findings, or a bad row of a list (until
 * 2026-12-05). Its cells are all such, at least three numbers and each one more than the one before. Only a row whose
 * ID or 家庭编号 cells are one or two characters is looked at (a cheap test of every row); its cells are bound once
 * through a one-element list.
 */
function columnNumbers(dataset: DatasetSpec, column: (name: string) => string, rowText: string): string {
  const short = identityColumns(dataset).map((c) => `coalesce(strlen(${column(c.name)}) <= 2, true)`).join(' AND ');
  const numbers = `list_filter(cells, x -> regexp_full_match(x, '\\d{1,2}'))`;
  const numbered = `len(${numbers}) >= 3
    AND len(list_filter(cells, x -> NOT regexp_full_match(x, ${COLUMN_NUMBER_CELL}))) = 0
    AND list_transform(${numbers}, x -> x::BIGINT) = range(${numbers}[1]::BIGINT, ${numbers}[1]::BIGINT + len(${numbers}))`;
  const cells = `list_filter(list_transform(string_split(${rowText}, ','), x -> trim(x)), x -> x <> '')`;
  return `(CASE WHEN ${short} THEN coalesce(list_transform([${cells}], cells -> ${numbered})[1], false) ELSE false END)`;
}

/**
 * A total written in the ID or 家庭编号 cell (TOTAL_IN_CELL). A cell starting with a digit (every real ID) is settled by
 * one ascii(), an all-ASCII one (H001) by a length: neither holds 合计.
 *
 * A header repeated among the rows is no longer told here by its ID or 家庭编号 cell alone: until 2026-12-06 a cell
 * naming the column (身份证号码), its bracketed note dropped, was enough, so a child's row whose ID cell says
 * 身份证（待办）, or a new household's 户号（待分配） beside a valid ID, was dropped as a header, and a dead man on the roll
 * was never found. Now the reader decides, row by row, with the block-header test (header-blocks.ts): the careful
 * reader refuses such a row as it reads it, and a staged CSV lists the rowids (StagedFile.repeatedHeaders).
 */
function totalInIdentityCell(dataset: DatasetSpec, column: (name: string) => string): string {
  return identityColumns(dataset).map((c) => {
    const cell = column(c.name);
    return `coalesce(CASE WHEN ${cell} IS NULL OR ascii(${cell}) BETWEEN 48 AND 57 OR strlen(${cell}) = length(${cell}) THEN false
      ELSE regexp_matches(trim(${cell}), ${TOTAL_IN_CELL}) END, false)`;
  }).join(' OR ');
}

function stagedSelect(dataset: DatasetSpec, staged: StagedFile): string {
  const constant = (name: string) => staged.constants?.get(name);
  const cellOf = (name: string) => (staged.columns.has(name) ? stageCell(staged.columns.get(name)!)
    : constant(name) !== undefined ? sqlString(constant(name)!) : 'NULL::VARCHAR');
  const columns = dataset.columns.map((c) => `${cellOf(c.name)} AS ${q(c.name)}`);
  const skip = staged.skippedRows > 0 ? `WHERE rowid NOT IN (SELECT row FROM ${q(skipTable(staged.table))})` : '';
  // A few rowids at most (header-blocks.ts looks at no more than STAGED_ROWS_LOOKED_AT rows): a literal list.
  const repeatedHeader = staged.repeatedHeaders?.length ? `rowid IN (${staged.repeatedHeaders.join(', ')})` : 'false';
  return `SELECT ${columns.join(', ')}, ${sqlString(staged.file)} AS _file, NULL::VARCHAR AS _sheet, (${staged.firstLine} + rowid)::INTEGER AS _line,
    ${footer(dataset, cellOf, stagedRowText(staged.cellCount), repeatedHeader)}
    FROM ${q(staged.table)} ${skip}`;
}

/** (Re)creates raw_rows_<dataset> over the appended rows and every staged file of the dataset, in landing order. */
export async function createRawRowsView(connection: DuckDBConnection, dataset: DatasetName): Promise<StagedFile[]> {
  const spec = datasetSpec(dataset);
  const stages = await stagesOf(connection, dataset);
  const appended = `SELECT ${spec.columns.map((c) => q(c.name)).join(', ')}, _file, _sheet, _line, ${footer(spec, q, '_raw_row')} FROM ${rawTable(dataset)}`;
  await connection.run(`CREATE OR REPLACE VIEW ${rawRows(dataset)} AS ${[appended, ...stages.map((s) => stagedSelect(spec, s))].join('\nUNION ALL\n')}`);
  return stages;
}

/**
 * The original row's text for each refused row of `refused` (a relation with _file, _sheet, _line and more): from
 * raw_<dataset> for appended rows, re-joined from its stage for a staged file's row, so only refused rows are joined.
 */
export function refusedWithRowText(dataset: DatasetName, refused: string, stages: readonly StagedFile[]): string {
  const appended = `SELECT r.*, raw._raw_row FROM ${refused} r
    JOIN ${rawTable(dataset)} raw ON raw._file = r._file AND raw._sheet IS NOT DISTINCT FROM r._sheet AND raw._line = r._line`;
  const staged = stages.map((s) => `SELECT r.*, ${stagedRowText(s.cellCount, 's.')} AS _raw_row FROM ${refused} r
    JOIN ${q(s.table)} s ON r._file = ${sqlString(s.file)} AND r._sheet IS NULL AND s.rowid = r._line - ${s.firstLine}`);
  return [appended, ...staged].join('\nUNION ALL\n');
}
