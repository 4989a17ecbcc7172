import type { Command } from 'commander';
import { redactAuditEntry } from '../../core/org/audit.js';
import { DomainError } from '../../core/problems.js';
import { terminalTable } from '../format.js';
import { print, printJson } from '../output.js';
import { cliActor, orgOptions, withOrganisation, type OrgOptions } from './common.js';

interface AuditOptions extends OrgOptions {
  person?: string;
  actor?: string;
  kind?: string;
  since?: string;
  until?: string;
  json?: boolean;
}

/**
 * An instant from `--since`/`--until`: an ISO 8601 date or date-time. A bare date means the start of
 * that day (UTC) for --since and its end for --until, so `--since D --until D` is the whole day D.
 */
export function instantOption(value: string, flag: '--since' | '--until'): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time))
    throw new DomainError(
      'usage',
      `${flag} expects a date (YYYY-MM-DD) or an ISO 8601 date-time, got "${value}"`,
    );
  return new Date(dateOnly && flag === '--until' ? time + 86_400_000 : time).toISOString();
}

export function registerAuditCommand(org: Command): void {
  orgOptions(
    org
      .command('audit')
      .description('The audit log: who changed what, when, before and after')
      .option('--person <email>', 'entries about this person or account')
      .option('--actor <actor>', 'entries by this actor (e.g. cli:alice)')
      .option('--kind <kind>', 'entries of this kind (e.g. person.update)')
      .option('--since <time>', 'from this date or instant on')
      .option('--until <time>', 'up to this date (inclusive) or instant (exclusive)')
      .option('--json', 'machine-readable output, with the records before and after'),
  ).action(async (options: AuditOptions) => {
    const filter = {
      subject: options.person?.trim().toLowerCase(),
      actor: options.actor,
      kind: options.kind,
      since: options.since === undefined ? undefined : instantOption(options.since, '--since'),
      until: options.until === undefined ? undefined : instantOption(options.until, '--until'),
    };
    const entries = await withOrganisation(options, async (r) =>
      (await r.audit.list(filter)).map((e) => redactAuditEntry(cliActor(r.scope.organisationId), e)),
    );
    if (options.json) return printJson(entries);
    if (entries.length === 0) return print('No audit entries.');
    print(
      terminalTable(
        ['at', 'actor', 'kind', 'subject'],
        entries.map((e) => [e.at, e.actor, e.kind, e.subject]),
      ),
    );
  });
}
