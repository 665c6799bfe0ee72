// Who holds a business a 市场主体 row names. An export often gives a company's 法定代表人 and an 个体工商户's 经营者 each in
// columns of its own (法定代表人, 法定代表人证件号码, 经营者, 经营者证件号码), a row filling its own role's, or both with two
// persons; others give one plain 身份证号码 and 姓名. Every person a row names by ID holds the business: over_asset.business
// finds either's household, and says the role where the list does. A name is given to an ID only where it is surely his:
// read as another's, it would be an identity conflict (data_quality.id-name-conflict) or a 需核实身份 note that is not one.
import { datasetSpec } from '../datasets/catalog.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import type { OutOfScopeRule } from './out-of-scope-rows.ts';
import { BIRTH_DATE, PROVINCE_CODE } from '../id-shape.ts';
import { blank } from './raw-rows.ts';
import { idField, idStep, mappedField, type SourceAdditions } from './value-maps.ts';

/** The roles a list may name apart, each by an ID column and a name column (catalog.ts). */
const ROLES = [
  { id: 'representative_id_number', name: 'representative_name', role: '法定代表人' },
  { id: 'operator_id_number', name: 'operator_name', role: '经营者' },
] as const;
/** The plain 身份证号码 and 姓名: a person of a role the list does not say, unless its name is in one role's column. */
const PLAIN = { id: 'id_number', name: 'name' } as const;

type NameField = 'm_name' | 'm_name_key';
const columnOf = (name: string) => datasetSpec('businesses').columns.find((column) => column.name === name)!;
const idOf = (name: string) => idField(columnOf(name), 'id');
const nameOf = (name: string, field: NameField) => mappedField({ name }, 'name', field);

/** The characters of a 统一社会信用代码 (GB 32100-2015: digits and capitals but I, O, S, V, Z), each worth its place here. */
const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** An old 注册号: fifteen digits. */
const REGISTRATION_NUMBER = '[0-9]{15}';
/** The shape of a 统一社会信用代码: 18 of its characters, digits where the 登记管理机关 region code stands. */
const CREDIT_CODE_SHAPE = '[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}';

/**
 * Each ID cell as a code (digits and capitals), for the tests below: a column of the businesses' typed source
 * (BUSINESS_SOURCE), only where the cell is no well-formed person's number (the tests read it only of an unreadable
 * one). Written out as rs_code(id_number) in each of its 86 places, every one expanding the macro, it made DuckDB bind
 * and plan the typing for about a second (a county's 49,909 businesses: 2.2 → 1.0 s of CPU, the same rows).
 */
const codeOf = (column: string) => q(`${column}__code`);
const ID_COLUMNS: readonly string[] = [PLAIN.id, ...ROLES.map((role) => role.id)];
const worth = (code: string, position: number) => `(instr('${CODE_CHARACTERS}', substr(${code}, ${position}, 1)) - 1)`;
/**
 * Its 18th character is the 统一社会信用代码 check character of the first 17: unrolled, as no lambda runs for every row
 * (value-maps.ts), and asked (below, in a CASE) only of a cell that is no readable person's number and has the shape.
 */
const codeCheckPasses = (code: string) =>
  `(31 - (${CODE_WEIGHTS.map((weight, index) => `${worth(code, index + 1)} * ${weight}`).join(' + ')}) % 31) % 31 = ${worth(code, 18)}`;

/**
 * 18 digits that read as a person's number with a digit mistyped: a province's code, then a birth date where an ID has
 * it. An all-digit 统一社会信用代码 has its 登记管理机关 and type there (12, 52, 91 …) and its region code in the 3rd to
 * 8th digits, so seldom a birth year 19xx/20xx in the 7th and 8th.
 */
const PERSONS_NUMBER_SHAPE = String.raw`${PROVINCE_CODE}\d{4}${BIRTH_DATE}\d{4}`;

/**
 * An ID cell holds a 市场主体's code, not a person's number: a 市场主体 export often gives the company's own
 * 统一社会信用代码 (91371329MA3C1…) or its old 15-digit 注册号 in the plain 身份证号码 (证件号码) column and the person in
 * a column of his role; a partnership's 执行事务合伙人 (法定代表人) is often a company, its code in the role's column.
 * Only a cell that is no readable 居民身份证 number: 18 characters shaped as a 统一社会信用代码 with a letter before the
 * last (no person's number has one) or, all digits, whose 统一社会信用代码 check character holds and that does not read
 * as a person's number mistyped (PERSONS_NUMBER_SHAPE: about one mistyped number in 31 passes that check by chance);
 * or 15 digits. A mistyped person's number stays one, refused as unreadable (data_quality.id-invalid).
 * Until 2026-12-06 every row with a code in the plain column was refused as an unreadable ID, and the 法定代表人
 * written beside it went unfound; until 2026-12-06 a code in a role's column was reported as a person's unreadable ID,
 * and village staff looked for a mistyped number that was a company's.
 */
const isCompanyCode = (status: string, code: string) => `coalesce(CASE WHEN ${status} IS DISTINCT FROM 'invalid' THEN false
  WHEN regexp_full_match(${code}, '${REGISTRATION_NUMBER}') THEN true
  WHEN NOT regexp_full_match(${code}, '${CREDIT_CODE_SHAPE}') THEN false
  WHEN regexp_matches(left(${code}, 17), '[A-Z]') THEN true
  ELSE ${codeCheckPasses(code)} AND NOT regexp_full_match(${code}, '${PERSONS_NUMBER_SHAPE}') END, false)`;
/**
 * Whether `column`'s cell (one of ID_COLUMNS) holds a company's code: a column of the typed source, told once per cell
 * over its code and its parse (BUSINESS_SOURCE). Written out in each of its places (the refusals, the out-of-scope
 * rules, the holders' names), the test made DuckDB plan the typing 0.2 → 0.5 s.
 */
const cellIsCompanyCode = (column: string) => q(`${column}__company_code`);
export const BUSINESS_SOURCE: SourceAdditions = {
  columns: ID_COLUMNS.map((column) => `CASE WHEN ${idStep(column, 'canonical')} IS NULL THEN rs_code(${column}) END AS ${codeOf(column)}`),
  // Only an ill-formed cell has a full parse (<column>__parsed, value-maps.ts): a well-formed one is no code.
  over: ID_COLUMNS.map((column) => `${isCompanyCode(`${idStep(column, 'parsed')}.status`, codeOf(column))} AS ${cellIsCompanyCode(column)}`),
  joins: [],
};
const PLAIN_ID_IS_COMPANY_CODE = cellIsCompanyCode(PLAIN.id);
/** The test that `column` of `dataset` holds a company's code, no person's number; null where none may (normalise-datasets.ts). */
export const companyCodeIn = (dataset: string, column: string) =>
  dataset === 'businesses' && ID_COLUMNS.includes(column) ? cellIsCompanyCode(column) : null;

/**
 * A cell of `column` that gives a number no one can read (mistyped, masked 371329********0054): a person whose number
 * is not known. Told cheaply, as it is asked in every name column of every row: an unreadable cell with a digit (—, 无,
 * 不详 have none) that holds no company's code (told once per cell, above). rs_no_value, expanded in each of these
 * expressions, made DuckDB plan the typing for seconds. Until 2026-12-06 a code was told here by its shape, and only in
 * the plain column: a company's code as 法定代表人证件号码 kept the 经营者 beside it from the name in 姓名.
 */
function unreadableGiven(column: string): string {
  return `CASE WHEN ${idField(columnOf(column), 'status')} = 'invalid' THEN regexp_matches(${column}, '[0-9０-９]') AND NOT ${cellIsCompanyCode(column)}
    ELSE false END`;
}

/**
 * The row names one person by ID (one number, in one column or in several): each of its names is his. A row beside an
 * unreadable number (kept for the readable one: normalise-datasets.ts) may name two: 法定代表人 张三 371329********0054
 * beside 经营者 王五's number does not make 张三 王五's name.
 */
const ONE_PERSON = q('business__one_person');
const ONE_PERSON_TEST = `(len(list_distinct([${[PLAIN, ...ROLES].map((holder) => idOf(holder.id)).join(', ')}])) = 1
  AND NOT (${[PLAIN, ...ROLES].map((holder) => unreadableGiven(holder.id)).join(' OR ')}))`;

/** What `pick` says of the one role whose name the row gives (法定代表人 alone, or 经营者 alone); NULL for none or both. */
const soleNamedRole = (pick: (role: (typeof ROLES)[number]) => string) => `CASE ${ROLES.map((role) => `WHEN ${ROLES.map((other) =>
  `${nameOf(other.name, 'm_name')} IS ${other === role ? 'NOT ' : ''}NULL`).join(' AND ')} THEN ${pick(role)}`).join(' ')} END`;

/** The plain ID's person is the one role's the row names him by, where its 姓名 is empty (法定代表人 beside 身份证号码). */
const PLAIN_BY_ROLE_NAME = q('business__plain_by_role_name');
const PLAIN_BY_ROLE_NAME_TEST = `${nameOf(PLAIN.name, 'm_name')} IS NULL AND ${idOf(PLAIN.id)} IS NOT NULL AND ${ONE_PERSON}`;

/**
 * A name column's name (m_name) or comparison key (m_name_key), as the person of its role's ID column: its own, else
 * where the row names one person, the plain 姓名 for a role's ID (姓名 beside 经营者证件号码), and the one role's name for
 * the plain ID (法定代表人 beside 身份证号码). A row naming two persons gives each only his role's name.
 */
export function holderName(column: string, field: NameField): string {
  const fallback = column === PLAIN.name
    ? `CASE WHEN ${PLAIN_BY_ROLE_NAME} THEN ${soleNamedRole((role) => nameOf(role.name, field))} END`
    : `CASE WHEN ${idOf(ROLES.find((role) => role.name === column)!.id)} IS NOT NULL AND ${ONE_PERSON} THEN ${nameOf(PLAIN.name, field)} END`;
  return `coalesce(${nameOf(column, field)}, ${fallback})`;
}

/** The businesses' name columns as typed (special-columns.ts), and id_role: the plain ID's role where its name says it. */
export const HOLDER_NAME_COLUMNS: Record<string, string[]> = {
  [PLAIN.name]: [
    `${holderName(PLAIN.name, 'm_name')} AS ${PLAIN.name}`,
    `CASE WHEN ${PLAIN_BY_ROLE_NAME} THEN ${soleNamedRole((role) => sqlString(role.role))} END AS id_role`,
  ],
  ...Object.fromEntries(ROLES.map((role) => [role.name, [`${holderName(role.name, 'm_name')} AS ${role.name}`]])),
};

/** The typed ID column of each holder slot, in order (plain first), with its name column and its role. */
const SLOTS = [
  { id: PLAIN.id, name: PLAIN.name, role: 'id_role' },
  ...ROLES.map((role) => ({ id: role.id, name: role.name, role: sqlString(role.role) })),
];

/** Slot `index`'s holder: its ID unless an earlier slot gives it, its name (or a later slot's of that ID), its roles. */
function holderSlot(index: number): string {
  const self = SLOTS[index]!;
  const sameLater = SLOTS.slice(index + 1).map((later) => ({ later, when: `${later.id} = ${self.id}` }));
  const firstSeen = SLOTS.slice(0, index).map((before) => `${before.id} IS DISTINCT FROM ${self.id}`);
  const id = firstSeen.length > 0 ? `CASE WHEN ${firstSeen.join(' AND ')} THEN ${self.id} END` : self.id;
  const name = (suffix: '' | '_key') =>
    `coalesce(${[`${self.name}${suffix}`, ...sameLater.map(({ later, when }) => `CASE WHEN ${when} THEN ${later.name}${suffix} END`)].join(', ')})`;
  const roles = [self.role, ...sameLater.map(({ later, when }) => `CASE WHEN ${when} THEN ${later.role} END`)];
  // Sorted: one person in both columns is 法定代表人、经营者 whichever column the list puts first.
  const role = `nullif(array_to_string(list_sort(list_distinct([${roles.join(', ')}])), '、'), '')`;
  return `{'id_number': ${id}, 'name': ${name('')}, 'name_key': ${name('_key')}, 'role': ${role}}`;
}

/**
 * One row per person a typed businesses row names by ID (b.* with id_number, name and name_key his, and holder_role:
 * 法定代表人, 经营者, both, or NULL where the list does not say). A person named in two columns (a 经营者 also written as
 * 法定代表人) is one holder of both roles, under the first of his names that is given. Only a row filling a role's ID
 * is taken apart: a list of one plain 身份证号码 names its one holder as typed (its role the typed id_role). Until
 * 2026-12-06 every row was unnested into three slots, B1M's whole 市场主体 list on each read of over_asset.business.
 */
export const BUSINESS_HOLDERS = `(SELECT * EXCLUDE (holder) REPLACE (holder.id_number AS id_number, holder.name AS name, holder.name_key AS name_key),
    holder.role AS holder_role
  FROM (SELECT *, unnest([${SLOTS.map((_, index) => holderSlot(index)).join(', ')}]) AS holder FROM businesses
        WHERE ${ROLES.map((role) => `${role.id} IS NOT NULL`).join(' OR ')})
  WHERE holder.id_number IS NOT NULL
  UNION ALL
  SELECT *, id_role AS holder_role FROM businesses
  WHERE ${PLAIN.id} IS NOT NULL AND ${ROLES.map((role) => `${role.id} IS NULL`).join(' AND ')})`;

/**
 * The unreadable numbers of the rows kept for a readable one beside them (normalise-datasets.ts: 法定代表人证件号码
 * 371329********0054 beside 经营者's readable number), as load_rejects lists a refused row's (dataset … raw_row), for
 * data_quality.id-invalid. Its raw_row is the row's readable numbers, by which that check finds the row's village. Not
 * a cell that holds a company's code (above): that is no person's number. The cell's code is taken once, in a
 * column: the test names it twenty times, and each rs_code expanded in place took DuckDB about 0.3 s to plan.
 */
export const UNREADABLE_IDS_OF_KEPT_ROWS = `(${[PLAIN, ...ROLES].map((holder) => {
  const prefix = holder.id === PLAIN.id ? 'id' : holder.id.replace(/_number$/, '');
  const label = sqlString(columnOf(holder.id).label);
  return `SELECT 'businesses' AS dataset, _file, _sheet, _line, 'id' AS kind, ${label} AS column_name, ${prefix}_raw AS raw_value,
      ${label} || '无法识别：' || ${prefix}_problem AS reason, concat_ws(',', ${[PLAIN, ...ROLES].map((other) => other.id).join(', ')}) AS raw_row
    FROM (SELECT *, rs_code(${prefix}_raw) AS code FROM businesses WHERE ${prefix}_status = 'invalid')
    WHERE NOT rs_no_value(${prefix}_raw) AND NOT ${isCompanyCode(`${prefix}_status`, 'code')}`;
}).join(' UNION ALL ')})`;

/** An ID cell gives a person's number, readable or not (a cell written as none, —, /, 无, gives none; a company's code is none). */
const givesPersonNumber = (column: string) => `(NOT ${blank(column)} AND NOT rs_no_value(${column}) AND NOT ${cellIsCompanyCode(column)})`;

/**
 * The businesses' 统一社会信用代码 as typed: the column's own where it gives a code, else the code the plain 身份证号码
 * cell holds (above), so that over_asset.business tells the business by it; else the column as before.
 */
export const BUSINESS_CODE_COLUMNS: Record<string, string[]> = {
  credit_code: [`coalesce(CASE WHEN regexp_full_match(${codeOf('credit_code')}, '[0-9A-Z]{18}|[0-9]{15}') THEN ${codeOf('credit_code')} END,
    CASE WHEN ${PLAIN_ID_IS_COMPANY_CODE} THEN ${codeOf(PLAIN.id)} END, ${codeOf('credit_code')}) AS credit_code`],
};

/**
 * The tests the typed columns above read more than once, named once over the mapped names (value-maps.ts overMapped,
 * special-columns.ts SPECIAL_STEPS): ONE_PERSON was written out in seven of them, each copy bound and optimised again
 * (with the ID lists below, the demo's businesses planned in 175 ms, not 240). Each layer reads those before it.
 */
export const BUSINESS_STEPS: readonly (readonly string[])[] = [
  [`${ONE_PERSON_TEST} AS ${ONE_PERSON}`, `rs_code(credit_code) AS ${codeOf('credit_code')}`],
  [`(${PLAIN_BY_ROLE_NAME_TEST}) AS ${PLAIN_BY_ROLE_NAME}`],
];

/**
 * A row whose only numbers are companies' codes names no person: out of scope (listed with its reason in the rejects,
 * warned once per list and column), not a data_quality finding per row — nothing in it is wrong, the list just does
 * not say who runs the business. Beside a person's number, a code is no one's and the row is read for him
 * (normalise-datasets.ts). Listed under the first column holding a code: the plain 证件号码 (the business's own code),
 * else the role's (法定代表人 a company: a partnership's 执行事务合伙人). Until 2026-12-06 a row with a code only in a
 * role's column was refused as an unreadable person's ID (data_quality.id-invalid, 含非法字符).
 */
export const COMPANY_CODE_ONLY: readonly OutOfScopeRule[] = ID_COLUMNS.map((column) => {
  const when = `${cellIsCompanyCode(column)} AND NOT (${ID_COLUMNS.filter((other) => other !== column).map(givesPersonNumber).join(' OR ')})`;
  // The codes are not listed in the warning: each is one row's, and a list of them says nothing more.
  const ask = '如需核查这些市场主体，请向市场监管部门索取带法定代表人（经营者）身份证号码的名单';
  if (column === PLAIN.id) {
    return {
      column,
      when,
      why: `'「' || ${codeOf(column)} || '」是市场主体自身的统一社会信用代码（注册号），不是个人身份证号码；本行没有法定代表人或经营者的身份证号码，未参与比对'`,
      warning: (rows) => `证件号码（身份证号码）列写的是市场主体自身的统一社会信用代码（注册号）、又没有法定代表人或经营者身份证号码的 ${rows} 行未参与比对，已列入拒收记录；${ask}`,
    };
  }
  const { role } = ROLES.find((candidate) => candidate.id === column)!;
  const label = columnOf(column).label;
  return {
    column,
    when,
    why: `'${label}「' || ${codeOf(column)} || '」是单位的统一社会信用代码（注册号），不是个人身份证号码（${role}是单位）；本行没有个人的身份证号码，未参与比对'`,
    warning: (rows) => `${label}列写的是单位的统一社会信用代码（注册号，即${role}是单位）、又没有个人身份证号码的 ${rows} 行未参与比对，已列入拒收记录；${ask}`,
  };
});
