import { csvText } from '../lib/csv.js';
import { download } from '../lib/download.js';
import { ScrollTable } from './ui.js';

/**
 * A report's table with its CSV download: the text alternative of every chart too. The first row
 * is the header; `file` names the download.
 */
export function ReportTable({
  id,
  title,
  file,
  rows,
}: {
  id: string;
  title: string;
  file: string;
  rows: string[][];
}) {
  const [head, ...body] = rows;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <button type="button" onClick={() => download(file, csvText(rows), 'text/csv')}>
        Download {file}
      </button>
      <ScrollTable label={`${title}, as a table`}>
        <table>
          <thead>
            <tr>
              {head!.map((h) => (
                <th scope="col" key={h}>
                  {h.replaceAll('_', ' ')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
