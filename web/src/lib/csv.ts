/** Rows as CSV text (RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled). */
export function csvText(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
