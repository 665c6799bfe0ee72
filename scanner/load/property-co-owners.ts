// A home's co-owners (共有人) written in one 不动产 row: their ID numbers in one cell, often their names in one 权利人
// cell (co-owner-cells.ts splits them). Each owner holds the home: over_asset.property finds every owner's household,
// and says the home is 共有 with whom. As with a business's holders (business-holders.ts), the typed table keeps one
// row per row read, and the owners are one row each in PROPERTY_OWNERS. Until 2026-12-06 such a row was refused as one
// unreadable ID (a data_quality finding per row), and neither owner's home counted.
import { datasetSpec } from '../datasets/catalog.ts';
import { quoteIdentifier as q } from '../sql-text.ts';
import { idField, mappedField } from './value-maps.ts';

const ID = datasetSpec('properties').columns.find((column) => column.name === 'id_number')!;
const owners = mappedField({ name: 'id_number' }, 'co_owner_ids', 'm_owners');
const names = (field: 'm_names' | 'm_name_keys') => mappedField({ name: 'name' }, 'co_owner_names', field);

/** The ID cell holds two or more persons' numbers, each readable: the row is theirs, not refused as an unreadable ID. */
export const ID_CELL_NAMES_CO_OWNERS = `${owners} IS NOT NULL`;

/**
 * The properties' ID columns as typed: as any ID column's (id_number, id_raw, id_status, id_problem, id_birth_date),
 * but a co-owned row's id_number empty and its id_status 'co-owned', and `owners` listing its owners ({id_number,
 * id_raw, id_status, name, name_key}; NULL for a row of one owner). A name is an owner's only where it is surely his:
 * the 权利人 cell names as many persons as the ID cell, in its order. Otherwise each owner is named by none (a name
 * read as another's is an identity conflict, data_quality.id-name-conflict, or a 需核实身份 note that is not one).
 * names_several: the 权利人 cell names several persons, whoever the ID cell names.
 */
export const PROPERTY_ID_COLUMNS: Record<string, string[]> = {
  id_number: [
    `${idField(ID, 'id')} AS id_number`,
    'id_number AS id_raw',
    `CASE WHEN ${ID_CELL_NAMES_CO_OWNERS} THEN 'co-owned' ELSE ${idField(ID, 'status')} END AS id_status`,
    `CASE WHEN ${ID_CELL_NAMES_CO_OWNERS} THEN NULL ELSE ${idField(ID, 'problem')} END AS id_problem`,
    `${idField(ID, 'birth_date')} AS id_birth_date`,
    `CASE WHEN ${ID_CELL_NAMES_CO_OWNERS} THEN list_transform(${owners}, (owner, i) -> {
       'id_number': owner.id_number, 'id_raw': owner.id_raw, 'id_status': owner.id_status,
       'name': CASE WHEN len(${names('m_names')}) = len(${owners}) THEN ${names('m_names')}[i] END,
       'name_key': CASE WHEN len(${names('m_name_keys')}) = len(${owners}) THEN ${names('m_name_keys')}[i] END}) END AS owners`,
    `${names('m_names')} IS NOT NULL AS names_several`,
  ],
};

/**
 * One row per owner of a typed properties row (p.* with id_number, id_raw, id_status, name and name_key his, and
 * co_owners: the row's other owners, each {id_number, id_raw, id_status, name, name_key}, NULL for a home of one).
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
    list_filter(owners, other -> other.id_number <> owner.id_number) AS co_owners
  FROM (SELECT *, unnest(owners) AS owner FROM ${q('properties')} WHERE owners IS NOT NULL))`;
