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
      .description(
        'Before adopting a new version: the people whose level would disappear or change, whose latest verdict would change, and the open promotion cases it would affect',
      )
      .argument('<file>', 'the new framework file')
      .option('--json', 'machine-readable output'),
  ).action(async (file: string, options: OrgOptions & { json?: boolean }) => {
    const source = readTextFile(file);
    const plan = await withOrganisation(options, (r) => r.planFramework(source, file));
    if (options.json) return printJson(plan);
    print(
      `Adopting ${plan.to.id} ${plan.to.version} would affect ${plan.affected.length} of ${plan.affected.length + plan.unaffected} active people.`,
    );
    if (plan.affected.length > 0)
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
    const met = (v: { level: string | null; holdsHeld: boolean | null }) =>
      `${v.level ?? 'no level met'}${v.holdsHeld === false ? ' (held level not met)' : ''}`;
    print(
      `\n${plan.verdicts.length} ${plan.verdicts.length === 1 ? 'person' : 'people'} whose latest verdict would change.`,
    );
    if (plan.verdicts.length > 0)
      print(
        terminalTable(
          ['name', 'email', 'level', 'from', 'change', 'verdict now', 'under the new version'],
          plan.verdicts.map((v) => [
            v.name,
            v.email,
            v.level,
            `${v.kind} v${v.version}`,
            v.change,
            met(v.now),
            met(v.next),
          ]),
        ),
      );
    print(`\n${plan.cases.length} open promotion ${plan.cases.length === 1 ? 'case' : 'cases'} affected.`);
    if (plan.cases.length > 0)
      print(
        terminalTable(
          ['case', 'email', 'target', 'why', 'ready now', 'ready under the new version'],
          plan.cases.map((c) => [
            String(c.id),
            c.email,
            c.targetLevel,
            [...c.reasons, ...c.competencies].join(', '),
            c.readyNow === null ? '-' : c.readyNow ? 'yes' : 'no',
            c.readyNext === null ? '-' : c.readyNext ? 'yes' : 'no',
          ]),
        ),
      );
  });
}
