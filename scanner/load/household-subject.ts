// Whom a finding about a household names: one of its roll rows, the head first.

/**
 * subject_id and subject_name of a group of roll rows, from one row: the household's head first (`order`). arg_min skips
 * a row whose value is NULL, so taken value by value a head whose ID could not be read gave the next member's ID beside
 * the head's name (until 2026-12-05).
 */
export const headFirstSubject = (order = '(NOT coalesce(is_head, false), id_number, _file, _line)') => {
  const row = `arg_min({'id_number': id_number, 'name': name}, ${order})`;
  return `struct_extract(${row}, 'id_number') AS subject_id, struct_extract(${row}, 'name') AS subject_name`;
};
