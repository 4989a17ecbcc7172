import type { ReactNode } from 'react';
import { ScrollTable } from '../components/ui.js';

/**
 * The small Markdown the server writes (the criteria document): headings, paragraphs, `- ` lists
 * and pipe tables, with `code` spans. Built as elements, never as HTML, so no text can inject markup.
 */
export function MarkdownView({ source }: { source: string }) {
  const blocks: ReactNode[] = [];
  const lines = source.split('\n');
  let i = 0;
  const take = (test: (line: string) => boolean) => {
    const out: string[] = [];
    while (i < lines.length && test(lines[i]!)) out.push(lines[i++]!);
    return out;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const key = blocks.length;
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    if (line.trim() === '') i++;
    else if (heading) {
      // The page's own title is the h1: the document's headings sit one level below it.
      const Tag = `h${Math.min(heading[1]!.length + 1, 5)}` as 'h2';
      blocks.push(<Tag key={key}>{inline(heading[2]!)}</Tag>);
      i++;
    } else if (line.startsWith('- ')) {
      const items = take((l) => l.startsWith('- '));
      blocks.push(
        <ul key={key}>
          {items.map((item, j) => (
            <li key={j}>{inline(item.slice(2))}</li>
          ))}
        </ul>,
      );
    } else if (line.startsWith('|')) {
      const [head, , ...body] = take((l) => l.startsWith('|')).map(cells);
      blocks.push(
        <ScrollTable key={key} label={`Table of ${head!.join(', ')}`}>
          <table>
            <thead>
              <tr>
                {head!.map((h, j) => (
                  <th scope="col" key={j}>
                    {inline(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, j) => (
                    <td key={j}>{inline(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>,
      );
    } else {
      const text = take((l) => l.trim() !== '' && !/^(#|- |\|)/.test(l));
      blocks.push(<p key={key}>{inline(text.join(' '))}</p>);
    }
  }
  return <>{blocks}</>;
}

const cells = (row: string) =>
  row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

function inline(text: string): ReactNode {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
        <code key={i}>{part.slice(1, -1)}</code>
      ) : (
        part
      ),
    );
}
