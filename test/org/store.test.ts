import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/problems.js';
import {
  AuditRepository,
  initOrganisation,
  OrganisationRepository,
  type OrgRepositories,
} from '../../src/store/repositories/org/index.js';
import { verifyPassword } from '../../src/store/secrets.js';
import { Workspace } from '../../src/store/workspace.js';
import { newOrganisation, reference, peopleCsv as csv } from '../helpers/org.js';
import { tempDir } from '../helpers/cli.js';

/** The organisation store on a real SQLite file: two organisations in one database. */

const noMap = new Map();

let workspace: Workspace;
let acme: OrgRepositories;
let globex: OrgRepositories;

beforeEach(async () => {
  workspace = await Workspace.open(join(tempDir(), 'org.sqlite'));
  acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test:acme');
  globex = await newOrganisation(workspace, 'Globex', 'root@globex.test', 'test:globex');
  await acme.people.importCsv(
    csv([
      'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
      'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,man',
      'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
    ]),
    noMap,
  );
  await globex.people.importCsv(csv(['Gil,gil@globex.test,senior,,Ops,2020-01-01,2020-01-01,']), noMap);
});
afterEach(async () => workspace.close());

describe('organisations kept apart', () => {
  it('lists each organisation its own people, accounts, versions and audit entries only', async () => {
    expect((await acme.people.all()).map((p) => p.email)).toEqual([
      'ana@acme.test',
      'ben@acme.test',
      'cy@acme.test',
    ]);
    expect((await globex.people.all()).map((p) => p.email)).toEqual(['gil@globex.test']);
    expect((await globex.accounts.list()).map((a) => a.email)).toEqual(['root@globex.test']);
    expect(await globex.frameworks.versions()).toHaveLength(1);
    expect((await globex.audit.list()).every((e) => !e.subject.includes('acme'))).toBe(true);
    expect(await globex.audit.list({ subject: 'ana@acme.test' })).toEqual([]);
  });

  it("finds nothing of another organisation's, even by its real ids (forged into a request)", async () => {
    const gil = (await globex.people.byEmail('gil@globex.test'))!;
    const globexRoot = (await globex.accounts.byEmail('root@globex.test'))!;
    const globexVersion = (await globex.frameworks.versions())[0]!;
    expect(await acme.people.byId(gil.id)).toBeUndefined();
    expect(await acme.people.byEmail('gil@globex.test')).toBeUndefined();
    expect(await acme.accounts.byId(globexRoot.id)).toBeUndefined();
    expect(await acme.accounts.passwordHash(globexRoot.id)).toBeUndefined();
    expect(await acme.frameworks.byId(globexVersion.id)).toBeUndefined();
    await expect(acme.people.update('gil@globex.test', { team: 'Stolen' })).rejects.toThrow(
      /no person with email/,
    );
    await expect(acme.accounts.addRole('root@globex.test', 'hr')).rejects.toThrow(/no account for/);
    await expect(acme.links.create(globexRoot.id, 'root@globex.test', 'reset')).rejects.toThrow(
      /no account for/,
    );
    await expect(acme.people.leave('gil@globex.test', '2026-06-30')).rejects.toThrow(/no person with email/);
    await expect(acme.people.list({ manager: 'gil@globex.test' })).rejects.toThrow(/no person with email/);
    await expect(acme.accounts.setPassword('root@globex.test', 'a long enough passphrase')).rejects.toThrow(
      /no account for/,
    );
    await expect(acme.accounts.setDisabled('root@globex.test', true)).rejects.toThrow(/no account for/);
    await expect(acme.accounts.removeRole('root@globex.test', 'admin')).rejects.toThrow(/no account for/);
    expect(await globex.accounts.byEmail('root@globex.test')).toEqual(globexRoot);
    const { token } = await globex.links.create(globexRoot.id, 'root@globex.test', 'reset');
    expect(await acme.links.use(token, 'reset')).toBeUndefined();
    expect(await globex.links.use(token, 'reset')).toBe(globexRoot.id);
    expect((await globex.people.byEmail('gil@globex.test'))!.team).toBe('Ops');
  });

  it('does not let a manager column reach into another organisation', async () => {
    await expect(
      acme.people.importCsv(
        csv(['Dee,dee@acme.test,mid,gil@globex.test,Core,2024-01-01,2024-01-01,']),
        noMap,
      ),
    ).rejects.toThrow(/breaks the reporting tree/);
    expect(await acme.people.byEmail('dee@acme.test')).toBeUndefined();
  });

  it('keeps the same email apart in two organisations', async () => {
    await globex.people.importCsv(
      csv(['Ana Elsewhere,ana@acme.test,mid,,Ops,2024-01-01,2024-01-01,']),
      noMap,
    );
    expect((await acme.people.byEmail('ana@acme.test'))!.name).toBe('Ana');
    expect((await globex.people.byEmail('ana@acme.test'))!.name).toBe('Ana Elsewhere');
  });

  it('refuses a second organisation with the same slug, and names the choices when none is given', async () => {
    await expect(
      initOrganisation(workspace.db, {
        name: 'ACME',
        adminEmail: 'x@acme.test',
        framework: reference,
        actor: 't',
      }),
    ).rejects.toThrow('an organisation "acme" is already in this workspace');
    await expect(new OrganisationRepository(workspace.db).resolve(undefined)).rejects.toThrow(
      'this workspace holds several organisations: choose one with --org (acme, globex)',
    );
  });
});

describe('every write is audited in its own transaction', () => {
  it('records before and after of an edit, and leaves nothing of a refused one', async () => {
    const before = (await acme.audit.list()).length;
    await acme.people.update('cy@acme.test', { team: 'Edge' });
    const [entry] = await acme.audit.list({ kind: 'person.update' });
    expect(entry).toMatchObject({
      actor: 'test:acme',
      subject: 'cy@acme.test',
      before: { team: 'Core' },
      after: { team: 'Edge' },
    });
    // Ben has an active report, so he cannot leave: nothing changes, nothing is logged.
    await expect(acme.people.leave('ben@acme.test', '2026-06-30')).rejects.toThrow(DomainError);
    expect((await acme.people.byEmail('ben@acme.test'))!.status).toBe('active');
    expect(await acme.audit.list()).toHaveLength(before + 1);
  });

  it('refuses an edit that would close a loop', async () => {
    await expect(acme.people.update('ana@acme.test', { managerEmail: 'cy@acme.test' })).rejects.toThrow(
      'the change breaks the reporting tree',
    );
    expect((await acme.people.byEmail('ana@acme.test'))!.managerEmail).toBeUndefined();
  });

  it('lets a manager leave once their reports have moved', async () => {
    await acme.people.update('cy@acme.test', { managerEmail: 'ana@acme.test' });
    await acme.people.leave('ben@acme.test', '2026-06-30');
    const [left] = await acme.audit.list({ kind: 'person.leave' });
    expect(left).toMatchObject({
      subject: 'ben@acme.test',
      after: { status: 'left', leaveDate: '2026-06-30' },
    });
  });

  it('has no path that changes or removes an audit entry', () => {
    expect(Object.getOwnPropertyNames(AuditRepository.prototype).sort()).toEqual([
      'append',
      'appendMany',
      'constructor',
      'list',
    ]);
  });
});

describe('accounts and one-time links', () => {
  it('links an account to the person imported later with its email, as an employee', async () => {
    await acme.people.importCsv(
      csv(['Root,root@acme.test,staff,ana@acme.test,Core,2020-01-01,2020-01-01,']),
      noMap,
    );
    const root = (await acme.accounts.byEmail('root@acme.test'))!;
    expect(root.personId).toBe((await acme.people.byEmail('root@acme.test'))!.id);
    expect(root.roles).toEqual(['admin', 'employee']);
  });

  it('keeps only an scrypt hash of a password, with its own salt', async () => {
    await acme.accounts.setPassword('root@acme.test', 'correct horse battery staple');
    const id = (await acme.accounts.byEmail('root@acme.test'))!.id;
    const hash = (await acme.accounts.passwordHash(id))!;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    await expect(acme.accounts.setPassword('root@acme.test', 'short')).rejects.toThrow(
      'at least 12 characters',
    );
    expect(JSON.stringify(await acme.audit.list())).not.toContain(hash);
  });

  it('uses a link once, and not after 24 hours', async () => {
    const id = (await acme.accounts.byEmail('root@acme.test'))!.id;
    const made = new Date('2026-12-01T10:00:00Z');
    const first = await acme.links.create(id, 'root@acme.test', 'sign-in', made);
    expect(first.expiresAt).toBe('2026-12-02T10:00:00.000Z');
    expect(await acme.links.use(first.token, 'reset', made)).toBeUndefined();
    expect(await acme.links.use(first.token, 'sign-in', made)).toBe(id);
    expect(await acme.links.use(first.token, 'sign-in', made)).toBeUndefined();
    const second = await acme.links.create(id, 'root@acme.test', 'sign-in', made);
    expect(await acme.links.use(second.token, 'sign-in', new Date('2026-12-02T10:00:00Z'))).toBeUndefined();
    const rows = await workspace.db.selectFrom('one_time_links').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(first.token);
    expect(JSON.stringify(await acme.audit.list())).not.toContain(first.token);
  });

  it('refuses to take the admin role from the only admin', async () => {
    await expect(acme.accounts.removeRole('root@acme.test', 'admin')).rejects.toThrow('is the only admin');
  });
});
