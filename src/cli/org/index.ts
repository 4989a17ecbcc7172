import type { Command } from 'commander';
import { registerAuditCommand } from './audit.js';
import { registerCaseCommands } from './cases.js';
import { registerCycleCommands } from './cycles.js';
import { registerOrgFrameworkCommands } from './framework.js';
import { registerInitCommand } from './init.js';
import { registerAccountCommands } from './links.js';
import { registerOrgPayCommands } from './pay.js';
import { registerPeopleCommands } from './people.js';
import { registerSsoCommands } from './sso.js';
import { registerOrgReportCommands } from './reports.js';
import { registerTokenCommands } from './tokens.js';

export function registerOrgCommands(program: Command): void {
  const org = program
    .command('org')
    .description(
      'Organisation mode: people, their reporting lines, the ladder, accounts, the audit log, review cycles and promotion cases',
    );
  registerInitCommand(org);
  registerPeopleCommands(org);
  registerOrgFrameworkCommands(org);
  registerAccountCommands(org);
  registerTokenCommands(org);
  registerSsoCommands(org);
  registerAuditCommand(org);
  registerOrgPayCommands(org);
  registerOrgReportCommands(org);
  registerCycleCommands(org);
  registerCaseCommands(org);
}
