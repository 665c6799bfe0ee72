// Who holds a business a 市场主体 row names. An export often gives a company's 法定代表人 and an 个体工商户's 经营者 each in
// columns of its own (法定代表人, 法定代表人证件号码, 经营者, 经营者证件号码), a row filling its own role's, or both with two
// persons; others give one plain 身份证号码 and 姓名. Every person a row names by ID holds the business: over_asset.business
// finds either's household, and says the role where the list does. A name is given to an ID only where it is surely his:
// read as another's, it would be an identity conflict (data_quality.id-name-conflict) or a 需核实身份 note that is not one.
import { datasetSpec } from '../datasets/catalog.ts';
import { sqlString } from '../sql-text.ts';
import { idField, mappedField } from './value-maps.ts';

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

/** The row names one person by ID (one number, in one column or in several): each of its names is his. */
const ONE_PERSON = `len(list_distinct([${[PLAIN, ...ROLES].map((holder) => idOf(holder.id)).join(', ')}])) = 1`;

/** What `pick` says of the one role whose name the row gives (法定代表人 alone, or 经营者 alone); NULL for none or both. */
const soleNamedRole = (pick: (role: (typeof ROLES)[number]) => string) => `CASE ${ROLES.map((role) => `WHEN ${ROLES.map((other) =>
  `${nameOf(other.name, 'm_name')} IS ${other === role ? 'NOT ' : ''}NULL`).join(' AND ')} THEN ${pick(role)}`).join(' ')} END`;

/** The plain ID's person is the one role's the row names him by, where its 姓名 is empty (法定代表人 beside 身份证号码). */
const PLAIN_BY_ROLE_NAME = `${nameOf(PLAIN.name, 'm_name')} IS NULL AND ${idOf(PLAIN.id)} IS NOT NULL AND ${ONE_PERSON}`;

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
 * 法定代表人) is one holder of both roles, under the first of his names that is given.
 */
export const BUSINESS_HOLDERS = `(SELECT * EXCLUDE (holder) REPLACE (holder.id_number AS id_number, holder.name AS name, holder.name_key AS name_key),
    holder.role AS holder_role
  FROM (SELECT *, unnest([${SLOTS.map((_, index) => holderSlot(index)).join(', ')}]) AS holder FROM businesses)
  WHERE holder.id_number IS NOT NULL)`;
