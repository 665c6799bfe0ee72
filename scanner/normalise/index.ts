// Installs the rs_* normalisation macros on a DuckDB connection; the loader calls them on raw VARCHAR cells.
import type { DuckDBConnection } from '@duckdb/node-api';
import { AMOUNT_MACROS } from './amount-macros.ts';
import { CATEGORY_MACROS } from './category-macros.ts';
import { DATE_MACROS } from './date-macros.ts';
import { ID_LIST_VARIABLES, ID_NUMBER_MACROS } from './id-number-macros.ts';
import { INSTITUTION_MACROS } from './institution-macros.ts';
import { createMacroStatement, type MacroDefinition, type MacroScope } from './macro-definition.ts';
import { TEXT_MACROS } from './text-macros.ts';
import { VEHICLE_CODE_MACROS } from './vehicle-code-macros.ts';

export { computeIdCheckCharacter, ID_CHECK_CHARACTERS, ID_CHECK_WEIGHTS, ID_PROBLEMS, type IdStatus } from './id-number-macros.ts';
export { buildTraditionalToSimplifiedTable, type CharacterTable } from './traditional-to-simplified.ts';

/**
 * In install order: a macro body is bound when it is created, so the text helpers every other
 * group builds on come first.
 */
export const NORMALISATION_MACROS: readonly MacroDefinition[] = [
  ...TEXT_MACROS,
  ...ID_NUMBER_MACROS,
  ...DATE_MACROS,
  ...AMOUNT_MACROS,
  ...CATEGORY_MACROS,
  ...VEHICLE_CODE_MACROS,
  ...INSTITUTION_MACROS,
];

/**
 * Creates (or replaces) every macro as a TEMP macro of this connection, so calling it again is
 * harmless. A view that calls the macros works only on a connection where they are installed:
 * prefer TEMP views, or tables materialised from them. With scope 'database' (an in-memory database only), every
 * connection to the database sees them.
 */
export async function installNormalisationMacros(connection: DuckDBConnection, scope: MacroScope = 'connection'): Promise<void> {
  for (const macro of NORMALISATION_MACROS) {
    await connection.run(createMacroStatement(macro, scope));
  }
  await giveTheMacrosTheirLists(connection);
}

/**
 * The constant lists some macros read from connection variables (rs_id_canonical's: ID_LIST_VARIABLES), which are a
 * connection's own: every connection that types IDs needs them, the database's macros notwithstanding.
 */
export async function giveTheMacrosTheirLists(connection: DuckDBConnection): Promise<void> {
  for (const statement of ID_LIST_VARIABLES) await connection.run(statement);
}
