import type { Command } from 'commander';
import { registerAuditCommand } from './audit.js';
import { registerCycleCommands } from './cycles.js';
import { registerOrgFrameworkCommands } from './framework.js';
import { registerInitCommand } from './init.js';
import { registerAccountCommands } from './links.js';
import { registerPeopleCommands } from './people.js';
import { registerTokenCommands } from './tokens.js';

export function registerOrgCommands(program: Command): void {
  const org = program
    .command('org')
    .description(
      'Organisation mode: people, their reporting lines, the ladder, accounts, the audit log and review cycles',
    );
  registerInitCommand(org);
  registerPeopleCommands(org);
  registerOrgFrameworkCommands(org);
  registerAccountCommands(org);
  registerTokenCommands(org);
  registerAuditCommand(org);
  registerCycleCommands(org);
}
