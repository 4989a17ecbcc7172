import Table from 'cli-table3';

/** An aligned terminal table; plain characters so that output survives pipes and logs. */
export function terminalTable(
  head: string[],
  rows: string[][],
  options: { colWidths?: (number | null)[] } = {},
): string {
  const table = new Table({
    head,
    style: { head: [], border: [], compact: false },
    wordWrap: true,
    ...(options.colWidths ? { colWidths: options.colWidths } : {}),
  });
  table.push(...rows);
  return table.toString();
}

/** Wraps text to a width, for prose in terminal output. */
export function wrap(text: string, width = 88, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (indent + line + ' ' + word).length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
