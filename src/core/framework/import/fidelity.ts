/**
 * How faithfully an import carried its source across: every statement (criterion, behaviour,
 * example, summary, paragraph) the source holds is counted, and each one left behind is listed with
 * where it was and why, so that "nothing was lost" is a checked claim rather than a hope.
 */
export interface DroppedStatement {
  /** The input file, as the user named it. */
  path: string;
  line: number;
  reason: string;
}

export interface FidelityReport {
  statements: { source: number; imported: number };
  dropped: DroppedStatement[];
}

/** Counts statements while an importer reads; `imported` only for what reaches the framework. */
export class FidelityCounter {
  private source = 0;
  private imported = 0;
  private readonly dropped: DroppedStatement[] = [];

  /** A statement of the source that the framework now holds. */
  kept(count = 1): void {
    this.source += count;
    this.imported += count;
  }

  /** A statement of the source that the framework does not hold. */
  drop(path: string, line: number, reason: string): void {
    this.source += 1;
    this.dropped.push({ path, line, reason });
  }

  /** Statements left behind while reading, before the counter existed. */
  dropAll(list: readonly DroppedStatement[]): void {
    for (const d of list) this.drop(d.path, d.line, d.reason);
  }

  report(): FidelityReport {
    return {
      statements: { source: this.source, imported: this.imported },
      dropped: [...this.dropped].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line),
    };
  }
}

/** One line for the terminal: "54 of 54 source statements imported, none dropped". */
export function fidelitySummary(report: FidelityReport): string {
  const { source, imported } = report.statements;
  const dropped = report.dropped.length;
  return `fidelity: ${imported} of ${source} source statement${source === 1 ? '' : 's'} imported, ${dropped === 0 ? 'none' : dropped} dropped`;
}
