import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir, trellis } from '../helpers/cli.js';
import { testServer } from '../server/helpers.js';

// Names every object inherits from Object.prototype: as user-given names they are plain data.
const names = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];
// What a look-up that reached Object.prototype would print or send ("[object Object]", a function's
// source text), not the word "function" in prose such as a source's title.
const leaked = /native code|\[object |function \w*\([^)]*\) *\{/;

const reference = readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8');
/** The reference framework with one id renamed to `constructor`, the one such name an id may be. */
const renamed = (id: string) =>
  reference
    .replace(new RegExp(`\\b${id}\\b`, 'g'), 'constructor')
    .replace(/^id: reference$/m, `id: renamed-${id}`);
const frameworks = {
  competency: renamed('debugging'),
  level: renamed('principal'),
  track: renamed('devrel'),
  specialisation: renamed('databases'),
  company: renamed('google'),
  role: renamed('tech-lead'),
};

describe('names that objects inherit, through the command line', () => {
  const dir = tempDir();
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (args: string[]) => {
    const result = trellis(args);
    // 0 done, 1 refused as invalid input, 2 a usage error (an unknown flag value): never 3, a bug.
    expect([0, 1, 2], `${args.join(' ')}\n${result.stderr}`).toContain(result.code);
    expect(result.stdout + result.stderr).not.toMatch(leaked);
    return result;
  };

  it.each(Object.entries(frameworks))('a framework with a %s called constructor works', (_kind, text) => {
    const fw = file(`fw-${_kind}.yaml`, text);
    expect(run(['framework', 'validate', fw]).code).toBe(0);
    run(['framework', 'show', '--framework', fw]);
    run(['framework', 'show', 'constructor', '--framework', fw]);
    run(['framework', 'diff', join(repoRoot, 'frameworks', 'reference.yaml'), fw]);
    run(['path', 'senior', 'constructor', '--avoid', 'constructor', '--framework', fw]);
    run(['levels', 'map', 'constructor', 'L5', '--framework', fw]);
    const assessment = file('only-one.yaml', 'current: senior\nratings:\n  technical-fundamentals: 3\n');
    const assessed = run(['assess', assessment, '--framework', fw, '--json']);
    expect(assessed.code).toBe(0);
  });

  it('an unrated competency called constructor is unrated, not rated by Object', () => {
    const fw = file('fw.yaml', frameworks.competency);
    const assessment = file('one.yaml', 'current: senior\nratings:\n  technical-fundamentals: 3\n');
    const out = run(['assess', assessment, '--framework', fw]).stdout;
    expect(out).toMatch(/constructor \(not rated, needs \d\)/);
  });

  it('all of them as keys and list items of every input file', () => {
    const keys = (indent: string) => names.map((name) => `${indent}${name}: 3\n`).join('');
    run(['assess', file('a.yaml', `current: senior\nratings:\n${keys('  ')}  debugging: 3\n`)]);
    run(['assess', file('a.json', JSON.stringify({ current: 'senior', ratings: { ...names } }))]);
    run(['tshape', file('t.yaml', `yearsOfExperience: 3\nskills:\n${keys('  ')}  backend: 4\n`)]);
    run(['learn', 'plan', file('l.yaml', `current: senior\nratings:\n${keys('  ')}skills:\n${keys('  ')}`)]);
    run(['fit', '--answers', file('f.yaml', `answers:\n${keys('  ')}`)]);
    const log = file(
      'e.yaml',
      `entries:\n  - date: 2024-01-01\n    title: t\n    competencies: [${names}]\n`,
    );
    run(['evidence', 'list', '--log', log]);
    run(['evidence', 'packet', '--log', log, '--for', 'staff']);
  });

  it.each(names)('%s as an argument of every command that takes a name', (name) => {
    run(['assess', file('a.yaml', `current: ${name}\nratings:\n  debugging: 3\n`)]);
    run(['learn', 'plan', file('l.yaml', `current: senior\ntarget: ${name}\nratings:\n  debugging: 3\n`)]);
    run(['path', name, 'staff']);
    run(['path', 'senior', name, '--avoid', name]);
    run(['framework', 'show', name]);
    run(['levels', 'map', name, 'L5']);
    run(['levels', 'map', 'google', name, '--to', name]);
    const log = join(dir, `log-${name}.yaml`);
    run(['evidence', 'add', '--log', log, '--date', '2024-01-01', '--title', 'x', '--competency', name]);
    run(['evidence', 'packet', '--log', log, '--for', name]);
  });
});

describe('names that objects inherit, through the API', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(() => server.close());

  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await server.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
    expect(response.statusCode, `${method} ${url}\n${response.body}`).toBeGreaterThanOrEqual(200);
    expect(response.statusCode, `${method} ${url}\n${response.body}`).toBeLessThan(500);
    expect(response.body).not.toMatch(leaked);
    return response;
  };

  it.each(names)('%s as a name in every endpoint that takes one', async (name) => {
    const q = encodeURIComponent(name);
    const ratings = { [name]: 3, debugging: 3 };
    await send('GET', `/api/framework/levels/${q}`);
    await send('GET', `/api/levels/map?company=${q}&code=L5`);
    await send('GET', `/api/levels/map?company=google&code=${q}`);
    await send('GET', `/api/levels/map?company=google&code=L5&to=${q}`);
    await send('GET', `/api/paths?from=${q}&to=staff`);
    await send('GET', `/api/paths?from=senior&to=${q}`);
    await send('GET', `/api/paths?from=senior&within=3&avoid=${q}`);
    await send('PUT', '/api/profile', {
      current: name,
      specialisation: name,
      skills: { [name]: 3 },
      goals: [name],
    });
    await send('POST', '/api/assessments', {
      current: name,
      date: '2024-01-01',
      ratings,
      evidence: { [name]: [1] },
    });
    await send('POST', '/api/assess', { current: name, ratings });
    await send('POST', '/api/assess', { current: 'senior', ratings });
    await send('POST', '/api/evidence', { date: '2024-01-01', title: 'x', competencies: [name] });
    await send('GET', `/api/evidence?competency=${q}`);
    await send('POST', '/api/fit', { answers: { [name]: 3 } });
    await send('POST', '/api/learning/plan', {
      current: name,
      target: name,
      ratings,
      skills: { [name]: 2 },
      yearsOfExperience: 2,
      hours: 5,
    });
    await send('POST', '/api/offers', { name, file: { offers: [{ name, base: 100000 }] } });
    await send('POST', '/api/offers/compare', { file: { offers: [{ name, base: 100000 }] } });
  });

  it('a framework with a competency, level or track called constructor is stored and used', async () => {
    for (const [kind, source] of Object.entries(frameworks)) {
      const response = await send('POST', '/api/frameworks', { source, use: true });
      expect(response.statusCode, kind).toBeLessThan(300);
      await send('GET', '/api/framework/levels/constructor');
      await send('GET', '/api/paths?from=senior&to=constructor');
      await send('POST', '/api/assess', { current: 'senior', ratings: { 'technical-fundamentals': 3 } });
      await send('GET', '/api/export');
    }
  });
});
