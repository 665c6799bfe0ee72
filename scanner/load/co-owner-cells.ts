// A 不动产 list writes a home's co-owners (共有人) in one cell: 371329199001011234、371329199203041235 (also split by , ，
// ; ； / a space or a new line), often with their names so in the 权利人 cell (张三、李四). Read as one number it is no
// ID, and the row was refused: neither owner's home counted in over_asset.property. The value maps here split such
// cells once per distinct text (value-maps.ts); property-co-owners.ts gives each owner the home.
import { WHITESPACE_CLASS } from '../normalise/macro-definition.ts';
import { sqlString } from '../sql-text.ts';

/** The marks a list puts between two persons of one cell; whitespace alone too (a new line in a workbook cell). */
const MARKS = '、,，;；/／';
export const BETWEEN_PERSONS = `(?:${WHITESPACE_CLASS}*[${MARKS}]${WHITESPACE_CLASS}*|${WHITESPACE_CLASS}+)`;
/** Between names, a mark where the cell has one: 欧阳 娜娜 beside a mark elsewhere is no two persons. */
const MARK_BETWEEN_NAMES = `${WHITESPACE_CLASS}*[${MARKS}]${WHITESPACE_CLASS}*`;
/**
 * The common two-character surnames (复姓). A part that is one of them alone is a name cut after its surname (欧阳 娜娜
 * is one person, not 欧阳 and 娜娜): paired with two IDs it would give each owner half a name, an identity conflict.
 */
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于',
  '太叔', '申屠', '钟离', '万俟', '闻人', '赫连', '东郭', '拓跋', '鲜于', '闾丘', '司空', '左丘', '第五', '公羊', '梁丘'];

/** The cell's non-empty parts, numbered (i), one row each, for cells (m_raw of `distinctRaw`) that `split` splits. */
const parts = (distinctRaw: string, split: string) => `SELECT m_raw, unnest(pieces) AS part, generate_subscripts(pieces, 1) AS i
  FROM (SELECT m_raw, list_filter(${split}, piece -> piece <> '') AS pieces FROM (${distinctRaw}) WHERE regexp_matches(CAST(m_raw AS VARCHAR), ${sqlString(BETWEEN_PERSONS)}))`;

/**
 * m_owners: each person of an ID cell that holds two or more distinct, readable ID numbers and nothing else, in the
 * cell's order ({id_number, id_raw, id_status}: a 15-digit number is read as its 18-digit form, as everywhere). A cell
 * one of whose parts is no ID (a digit lost, a mask) is not split: it is refused as one unreadable ID, as before. A
 * single ID keyed in parts (371329 19850707 1071) is no such cell: none of its parts is an ID.
 */
export const coOwnerIdsMap = (distinctRaw: string) => `SELECT m_raw,
    list({'id_number': parsed.id, 'id_raw': part, 'id_status': parsed.status} ORDER BY i) AS m_owners
  FROM (SELECT m_raw, part, i, rs_id_parse(part) AS parsed
        FROM (${parts(distinctRaw, `regexp_split_to_array(trim(CAST(m_raw AS VARCHAR)), ${sqlString(BETWEEN_PERSONS)})`)}))
  GROUP BY m_raw
  HAVING count(*) >= 2 AND bool_and(parsed.status IN ('valid', 'legacy')) AND count(DISTINCT parsed.id) = count(*)`;

/**
 * m_names, m_name_keys: the persons a name cell names, split at its marks (张三、李四), or where it has none at its
 * spaces or new lines (张三 李四, 张三\n李四), each read as names are (rs_name, rs_name_key). A cell any of whose parts
 * is one character is one name spaced out (马　凯, 张 三), and so is one whose part is a two-character surname alone
 * (欧阳 娜娜): not split. Which name is whose is decided by the ID cell (property-co-owners.ts).
 */
export const coOwnerNamesMap = (distinctRaw: string) => `SELECT m_raw, list(rs_name(part) ORDER BY i) AS m_names,
    list(rs_name_key(part) ORDER BY i) AS m_name_keys
  FROM (${parts(distinctRaw, `CASE WHEN regexp_matches(CAST(m_raw AS VARCHAR), ${sqlString(MARK_BETWEEN_NAMES)})
      THEN regexp_split_to_array(trim(CAST(m_raw AS VARCHAR)), ${sqlString(MARK_BETWEEN_NAMES)})
      ELSE regexp_split_to_array(trim(CAST(m_raw AS VARCHAR)), ${sqlString(`${WHITESPACE_CLASS}+`)}) END`)})
  GROUP BY m_raw
  HAVING count(*) >= 2 AND bool_and(coalesce(length(rs_name(part)), 0) >= 2)
    AND NOT bool_or(rs_name(part) IN (${COMPOUND_SURNAMES.map(sqlString).join(', ')}))`;
