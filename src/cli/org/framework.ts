import type { Command } from 'commander';
import { readTextFile } from '../../store/files.js';
import { terminalTable } from '../format.js';
import { print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';

export function registerOrgFrameworkCommands(org: Command): void {
  const framework = org.command('framework').description("The organisation's ladder: every version kept");

  orgOptions(
    framework
      .command('set')
      .description('Adopt a framework file as the next version; people whose level it keeps move onto it')
      .argument('<file>', 'a framework file (YAML or JSON)'),
  ).action(async (file: string, options: OrgOptions) => {
    const source = readTextFile(file);
    const { version, moved, kept } = await withOrganisation(options, (r) => r.adoptFramework(source, file));
    print(
      `Adopted ${version.frameworkId} ${version.frameworkVersion} as framework version ${version.number}.`,
    );
    print(`${moved.length} ${moved.length === 1 ? 'person' : 'people'} moved onto it.`);
    if (kept.length > 0)
      print(`Still levelled in an earlier version (their level is not in this one): ${kept.join(', ')}`);
  });

  orgOptions(
    framework
      .command('versions')
      .description('Every framework version the organisation adopted')
      .option('--json', 'machine-readable output'),
  ).action(async (options: OrgOptions & { json?: boolean }) => {
    const versions = await withOrganisation(options, (r) => r.frameworks.versions());
    if (options.json) return printJson(versions.map(({ id: _id, ...v }) => v));
    print(
      terminalTable(
        ['#', 'framework', 'version', 'adopted at', 'adopted by'],
        versions.map((v) => [String(v.number), v.frameworkId, v.frameworkVersion, v.adoptedAt, v.adoptedBy]),
      ),
    );
  });

  orgOptions(
    framework
      .command('plan')
      .description('Before adopting a new version: the people whose level would disappear or change')
      .argument('<file>', 'the new framework file')
      .option('--json', 'machine-readable output'),
  ).action(async (file: string, options: OrgOptions & { json?: boolean }) => {
    const source = readTextFile(file);
    const plan = await withOrganisation(options, (r) => r.planFramework(source, file));
    if (options.json) return printJson(plan);
    print(
      `Adopting ${plan.to.id} ${plan.to.version} would affect ${plan.affected.length} of ${plan.affected.length + plan.unaffected} active people.`,
    );
    if (plan.affected.length === 0) return;
    print(
      terminalTable(
        ['email', 'level', 'version', 'change', 'what'],
        plan.affected.map((e) => [
          e.email,
          e.level,
          String(e.version),
          e.change === 'level-removed' ? 'level removed' : 'expectations changed',
          [...e.competencies, ...e.fields.map((f) => `level.${f}`)].join(', '),
        ]),
      ),
    );
  });
}
