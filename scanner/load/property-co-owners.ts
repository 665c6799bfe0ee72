// A home's co-owners (共有人) written in one 不动产 row: their ID numbers in one cell, often their names in one 权利人
// cell (co-owner-cells.ts splits them). Each owner holds the home: over_asset.property finds every owner's household,
// and says the home is 共有 with whom. As with a business's holders (business-holders.ts), the typed table keeps one
// row per row read, and the owners are one row each in PROPERTY_OWNERS. Until 2026-12-06 such a row was refused as one
// unreadable ID (a data_quality finding per row), and neither owner's home counted.
// A 不动产 query may instead name the co-owners in columns of their own (共有人, 共有人证件号码) beside the 权利人's: each
// person named there holds the home as the 权利人 does. Until 2026-12-07 those columns went unread: a recipient holding a
// share of a shop with another (权利人 外人甲, 共有人 张一) had no finding, and nothing said the column was not read.
// A row whose 权利人's number cannot be read (a digit short, a mistyped check digit) is kept for the readable persons of
// its 共有人证件号码 cell, who hold the home; the 权利人's number is listed by data_quality.id-invalid. Until 2026-12-07
// such a row was refused whole as an unreadable ID, and a recipient co-owning a shop or a second home went unfound.
// So is a row whose 权利人 gives no number at all (the cell empty, or written as none: —, 无): the 权利人 is no person to
// look for, and no finding is made of him. Until 2026-12-08 such a row was refused whole as 身份证号码为空.
import { datasetSpec } from '../datasets/catalog.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { BETWEEN_PERSONS } from './co-owner-cells.ts';
import { NAMES_OTHER_DOCUMENT } from './document-types.ts';
import { blank } from './raw-rows.ts';
import { idField, mappedField } from './value-maps.ts';

const SPEC = datasetSpec('properties');
const ID = SPEC.columns.find((column) => column.name === 'id_number')!;
const CO_OWNER_ID = SPEC.columns.find((column) => column.name === 'co_owner_id_number')!;
const owners = mappedField({ name: 'id_number' }, 'co_owner_ids', 'm_owners');
const names = (field: 'm_names' | 'm_name_keys') => mappedField({ name: 'name' }, 'co_owner_names', field);
const holderName = (field: 'm_name' | 'm_name_key') => mappedField({ name: 'name' }, 'name', field);

/** The ID cell holds two or more persons' numbers, each readable: the row is theirs. */
const ID_CELL_OWNERS = `${owners} IS NOT NULL`;

const CO_OWNER_CELL = q(CO_OWNER_ID.name);
const coOwnerCellOwners = mappedField(CO_OWNER_ID, 'co_owner_ids', 'm_owners');
const coOwnerNames = (field: 'm_names' | 'm_name_keys') => mappedField({ name: 'co_owner_name' }, 'co_owner_names', field);
const coOwnerName = (field: 'm_name' | 'm_name_key') => mappedField({ name: 'co_owner_name' }, 'name', field);

/** The 共有人证件号码 cell gives a number or several: not empty, nor written as none (无, —, /). Most rows have none. */
const CO_OWNER_CELL_GIVEN = `(CASE WHEN ${blank(CO_OWNER_CELL)} THEN false ELSE NOT rs_no_value(${CO_OWNER_CELL}) END)`;

/**
 * The 权利人's number cannot be read or is not given (the cell empty, status 'missing', or written as none, which reads
 * as 'invalid'), and the 共有人证件号码 cell names readable persons (several each readable, or one readable number): the
 * row is kept for them alone. Asked only of such a 权利人 beside a given cell, and without a lambda (value-maps.ts: one
 * in a CASE runs for nearly the whole chunk).
 */
const UNREADABLE_HOLDER_BESIDE_CO_OWNERS = `(CASE WHEN ${idField(ID, 'status')} IN ('invalid', 'missing') AND ${CO_OWNER_CELL_GIVEN} AND NOT ${ID_CELL_OWNERS}
  THEN ${coOwnerCellOwners} IS NOT NULL OR coalesce(rs_id_parse(${CO_OWNER_CELL}).status IN ('valid', 'legacy'), false) ELSE false END)`;

/**
 * The row names readable owners though its ID cell is no one readable number: the co-owners of that cell, or those of
 * the 共有人证件号码 cell beside an unreadable 权利人. Such a row is not refused as an unreadable ID (normalise-datasets.ts),
 * nor as of another document than a 居民身份证 (other-id-documents.ts): its readable owners hold the home.
 */
export const ROW_NAMES_READABLE_OWNERS = `(${ID_CELL_OWNERS} OR ${UNREADABLE_HOLDER_BESIDE_CO_OWNERS})`;

/**
 * The persons the 共有人证件号码 cell names ({id_number, id_raw, id_status}), only where it gives a number: split as an ID
 * cell of co-owners is (co-owner-cells.ts), else read whole as one number, readable or not. A cell of several numbers
 * one of which cannot be read is one unreadable number, as in the ID cell.
 */
const CO_OWNER_CELL_PERSONS = `CASE WHEN ${coOwnerCellOwners} IS NOT NULL THEN ${coOwnerCellOwners}
  ELSE list_transform([rs_id_parse(${CO_OWNER_CELL})], parsed -> {'id_number': parsed.id,
    'id_raw': trim(CAST(${CO_OWNER_CELL} AS VARCHAR)), 'id_status': parsed.status}) END`;

/** An owner as PROPERTY_OWNERS lists him: {id_number, id_raw, id_status, name, name_key}, each field an expression. */
interface OwnerFields { id_number: string; id_raw: string; id_status: string; name: string; name_key: string }
const ownerStruct = (fields: OwnerFields) =>
  `{'id_number': ${fields.id_number}, 'id_raw': ${fields.id_raw}, 'id_status': ${fields.id_status}, 'name': ${fields.name}, 'name_key': ${fields.name_key}}`;
/** The number fields of a parsed person ({id_number, id_raw, id_status}, as co-owner-cells.ts splits a cell). */
const numberOf = (person: string) => ({ id_number: `${person}.id_number`, id_raw: `${person}.id_raw`, id_status: `${person}.id_status` });

/**
 * Each person of the 共有人证件号码 cell named by the 共有人 cell only where it surely names him: as many names, in order
 * (or one name for one number). Those whose number can be read are kept; the unreadable one is listed apart
 * (UNREADABLE_CO_OWNER_IDS).
 */
const NAMED_CO_OWNERS = `list_filter(list_transform(${CO_OWNER_CELL_PERSONS}, (person, i) -> ${ownerStruct({ ...numberOf('person'),
    name: `CASE WHEN len(${coOwnerNames('m_names')}) = len(${CO_OWNER_CELL_PERSONS}) THEN ${coOwnerNames('m_names')}[i]
                 WHEN ${coOwnerNames('m_names')} IS NULL AND len(${CO_OWNER_CELL_PERSONS}) = 1 THEN ${coOwnerName('m_name')} END`,
    name_key: `CASE WHEN len(${coOwnerNames('m_name_keys')}) = len(${CO_OWNER_CELL_PERSONS}) THEN ${coOwnerNames('m_name_keys')}[i]
                 WHEN ${coOwnerNames('m_names')} IS NULL AND len(${CO_OWNER_CELL_PERSONS}) = 1 THEN ${coOwnerName('m_name_key')} END`,
  })}),
  person -> person.id_status IN ('valid', 'legacy'))`;

/** The owners the ID and 权利人 cells name: the co-owners of one cell, or the 权利人 alone, named only where surely his. */
const CELL_OWNERS = `CASE WHEN ${ID_CELL_OWNERS} THEN list_transform(${owners}, (owner, i) -> ${ownerStruct({ ...numberOf('owner'),
       name: `CASE WHEN len(${names('m_names')}) = len(${owners}) THEN ${names('m_names')}[i] END`,
       name_key: `CASE WHEN len(${names('m_name_keys')}) = len(${owners}) THEN ${names('m_name_keys')}[i] END`,
     })})
  ELSE [${ownerStruct({ id_number: idField(ID, 'id'), id_raw: 'CAST(id_number AS VARCHAR)', id_status: idField(ID, 'status'),
         name: `CASE WHEN ${names('m_names')} IS NULL THEN ${holderName('m_name')} END`,
         name_key: `CASE WHEN ${names('m_names')} IS NULL THEN ${holderName('m_name_key')} END` })}] END`;

/**
 * The row's owners: those of its ID cell, then those of its 共有人证件号码 cell not among them (an export may name the
 * 权利人 among the 共有人 too). NULL for a home of one owner. A 权利人 whose number cannot be read is none of them: the
 * row's readable co-owners (NAMED_CO_OWNERS), even one, hold the home without him (his number listed by
 * UNREADABLE_HOLDER_IDS). Only rows that name co-owners build a list: the others, all but a few at a million persons,
 * stay on the cheap path (see PROPERTY_OWNERS).
 */
const ROW_OWNERS = `CASE WHEN ${UNREADABLE_HOLDER_BESIDE_CO_OWNERS} THEN ${NAMED_CO_OWNERS}
  WHEN ${ID_CELL_OWNERS} OR ${CO_OWNER_CELL_GIVEN} THEN list_transform([${CELL_OWNERS}], cell ->
    list_transform([list_concat(cell, list_filter(coalesce(${NAMED_CO_OWNERS}, []),
        other -> NOT list_contains(list_transform(cell, owner -> owner.id_number), other.id_number)))],
      listed -> CASE WHEN len(listed) >= 2 THEN listed END)[1])[1] END`;

/** Why the 共有人证件号码 cell cannot be read (as an ID's problem is written), NULL where it gives none or can be read. */
const CO_OWNER_ID_PROBLEM = `CASE WHEN ${CO_OWNER_CELL_GIVEN} AND ${coOwnerCellOwners} IS NULL THEN rs_id_parse(${CO_OWNER_CELL}).problem END`;

/**
 * The properties' ID columns as typed: as any ID column's (id_number, id_raw, id_status, id_problem, id_birth_date),
 * but a co-owned row's id_number empty and its id_status 'co-owned', and `owners` listing its owners ({id_number,
 * id_raw, id_status, name, name_key}; NULL for a row of one owner). A name is an owner's only where it is surely his:
 * the 权利人 cell names as many persons as the ID cell, in its order. Otherwise each owner is named by none (a name
 * read as another's is an identity conflict, data_quality.id-name-conflict, or a 需核实身份 note that is not one).
 * A row naming co-owners in its 共有人证件号码 cell lists the 权利人 and them (ROW_OWNERS), its id_number the 权利人's;
 * one kept for them beside an unreadable 权利人 keeps his id_status 'invalid' and id_problem, and lists them alone
 * (beside a 权利人 who gives no number, 'missing' or, written as none, 'invalid').
 * names_several: the 权利人 cell names several persons, whoever the ID cell names.
 */
export const PROPERTY_ID_COLUMNS: Record<string, string[]> = {
  id_number: [
    `${idField(ID, 'id')} AS id_number`,
    'id_number AS id_raw',
    `CASE WHEN ${ID_CELL_OWNERS} THEN 'co-owned' ELSE ${idField(ID, 'status')} END AS id_status`,
    `CASE WHEN ${ID_CELL_OWNERS} THEN NULL ELSE ${idField(ID, 'problem')} END AS id_problem`,
    `${idField(ID, 'birth_date')} AS id_birth_date`,
    `${ROW_OWNERS} AS owners`,
    `${names('m_names')} IS NOT NULL AS names_several`,
  ],
  // The co-owners' cell as written, and why it cannot be read where it cannot: for UNREADABLE_CO_OWNER_IDS.
  co_owner_id_number: [`rs_text(${CO_OWNER_CELL}) AS co_owner_id_number`, `${CO_OWNER_ID_PROBLEM} AS co_owner_id_problem`],
};

/**
 * The 共有人证件号码 cells that cannot be read, of rows kept for the 权利人 (in load_rejects' columns, as
 * business-holders.ts's UNREADABLE_IDS_OF_KEPT_ROWS): for data_quality.id-invalid to list. The row itself is not
 * refused: its 权利人 and its readable co-owners hold the home. The cell is quoted whole (raw_value: a cell of several
 * numbers one of which cannot be read is one unreadable number); its raw_row gives the cell's parts one a cell, by
 * which that check finds a recipient named in it. Until 2026-12-08 the cell was given whole there, and a recipient
 * written 371329…、371329… beside an outsider's 权利人 left the finding in no village (one written 371329…,371329… did).
 */
export const UNREADABLE_CO_OWNER_IDS = `(SELECT 'properties' AS dataset, _file, _sheet, _line, 'id' AS kind,
    ${sqlString(CO_OWNER_ID.label)} AS column_name, co_owner_id_number AS raw_value,
    ${sqlString(CO_OWNER_ID.label)} || '无法识别：' || co_owner_id_problem AS reason, concat_ws(',', id_raw,
      array_to_string(regexp_split_to_array(co_owner_id_number, ${sqlString(BETWEEN_PERSONS)}), ',')) AS raw_row
  FROM ${q('properties')} WHERE co_owner_id_problem IS NOT NULL)`;

/** A typed row's 权利人 cell written as none (无, —, 不详): read as an 'invalid' number, it gives none. */
const HOLDER_WRITTEN_AS_NONE = 'coalesce(rs_no_value(id_raw), false)';

/**
 * Why a co-owned row's 权利人 is none of its owners, for the evidence (over_asset.property): 'missing' where his cell
 * gives no number (empty, or written as none), 'invalid' where it cannot be read; NULL where he is an owner or his
 * number is of another document (a company's code). Read from the typed row's own id_status and id_raw.
 */
const HOLDER_ID_UNREAD = `CASE WHEN id_status = 'missing' OR ${HOLDER_WRITTEN_AS_NONE} THEN 'missing'
  WHEN id_status = 'invalid' AND NOT ${NAMES_OTHER_DOCUMENT} THEN 'invalid' END`;

/**
 * The unreadable 权利人 numbers of rows kept for their readable co-owners (ROW_OWNERS), as a refused row's would be
 * listed in load_rejects (the same column and reason: a row refused one month and kept the next keeps its fact), for
 * data_quality.id-invalid. Its raw_row gives the readable co-owners' numbers one a cell (a cell of several, 371329…、
 * 371329…, is split), by which that check finds the row's village. Not a number the 证件类型 says is of another
 * document (document-types.ts), nor a cell written as none (无, —): it gives no number, and the 权利人 no person to list.
 */
export const UNREADABLE_HOLDER_IDS = `(SELECT 'properties' AS dataset, _file, _sheet, _line, 'id' AS kind,
    ${sqlString(ID.label)} AS column_name, id_raw AS raw_value, ${sqlString(ID.label)} || '无法识别：' || id_problem AS reason,
    concat_ws(',', id_raw, array_to_string(list_transform(owners, owner -> owner.id_number), ',')) AS raw_row
  FROM ${q('properties')} WHERE id_status = 'invalid' AND NOT ${NAMES_OTHER_DOCUMENT} AND NOT ${HOLDER_WRITTEN_AS_NONE})`;

/**
 * One row per owner of a typed properties row (p.* with id_number, id_raw, id_status, name and name_key his, and
 * co_owners: the row's other owners, each {id_number, id_raw, id_status, name, name_key}, NULL for a home of one;
 * holder_id_unread: why the row's 权利人 is not among its owners, HOLDER_ID_UNREAD, NULL on a home of one).
 * A row of one owner is read as it is, his name only where the 权利人 cell names him alone; only a co-owned row is
 * unnested. Until 2026-12-06 every row was (a list of one built per row, then unnested), in over_asset.property and
 * in every read of id_occurrences: at a million persons (1.27 million rows, none co-owned) the check's join took
 * 0.9–1.05 s against 0.2 s on the table itself, now 0.26–0.45 s. A table of the owners built at load cost 1.1–4.5 s
 * and 0.33 GB (a copy of every row) to save less; with half the rows co-owned it saved 0.1–0.4 s a read, after 2.9 s
 * to build it and 0.47 GB.
 */
export const PROPERTY_OWNERS = `(SELECT * EXCLUDE (owners, names_several) REPLACE (CASE WHEN NOT names_several THEN name END AS name,
      CASE WHEN NOT names_several THEN name_key END AS name_key), owners AS co_owners
    FROM ${q('properties')} WHERE owners IS NULL
  UNION ALL BY NAME
  SELECT * EXCLUDE (owner, owners, names_several) REPLACE (owner.id_number AS id_number, owner.id_raw AS id_raw,
      owner.id_status AS id_status, owner.name AS name, owner.name_key AS name_key),
    list_filter(owners, other -> other.id_number <> owner.id_number) AS co_owners, ${HOLDER_ID_UNREAD} AS holder_id_unread
  FROM (SELECT *, unnest(owners) AS owner FROM ${q('properties')} WHERE owners IS NOT NULL))`;
