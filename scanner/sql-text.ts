// Quoting text into SQL: string literals and identifiers (DuckDB takes backslashes literally).

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
