import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, trellis } from '../helpers/cli.js';

const ladder = join(repoRoot, 'examples', 'ladder-v1.1.yaml');
const previous = join(repoRoot, 'examples', 'ladder.yaml');

describe('trellis framework render --format html', () => {
  it('writes the site into a new folder, with a page of what changed since --previous', () => {
    const site = join(tempDir(), 'site');
    const r = trellis([
      'framework',
      'render',
      ladder,
      '--format',
      'html',
      '-o',
      site,
      '--previous',
      previous,
    ]);
    expect([r.code, r.stderr]).toEqual([0, `wrote ${site} (8 files)\n`]);
    const changes = readFileSync(join(site, 'changes.html'), 'utf8');
    expect(changes).toContain('From version 1.0.0 to version 1.1.0: 0 added, 1 removed, 3 changed.');
    expect(changes).toContain('<code>years.max</code>: <del>6</del> → <ins>8</ins>');
    const senior = readFileSync(join(site, 'levels', 'senior.html'), 'utf8');
    expect(senior).toContain('<li>Leads incident reviews</li>');
    expect(senior).toContain('<a href="../competencies/craft.html">Craft</a>');
  });

  it('replaces a site it wrote before, whole, and leaves nothing beside it', () => {
    const dir = tempDir();
    const site = join(dir, 'site');
    expect(
      trellis(['framework', 'render', ladder, '--format', 'html', '-o', site, '--previous', previous]).code,
    ).toBe(0);
    expect(trellis(['framework', 'render', ladder, '--format', 'html', '-o', site]).code).toBe(0);
    expect(existsSync(join(site, 'changes.html'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('refuses a missing parent, a folder of other files and a file, with exit 2', () => {
    const dir = tempDir();
    const foreign = join(dir, 'notes');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'mine.txt'), 'keep me');
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    for (const [target, reason] of [
      [join(dir, 'missing', 'site'), `the folder ${join(dir, 'missing')} does not exist (it is not created)`],
      [foreign, 'it holds files this command did not write: give a new or empty folder'],
      [file, 'it is not a folder'],
    ] as const) {
      const r = trellis(['framework', 'render', ladder, '--format', 'html', '-o', target]);
      expect([r.code, r.stderr], target).toEqual([2, `trellis: cannot write ${target}: ${reason}\n`]);
    }
    expect(readFileSync(join(foreign, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir).sort()).toEqual(['file.txt', 'notes']);
  });

  it('needs -o, and reads --previous only for html', () => {
    expect(trellis(['framework', 'render', ladder, '--format', 'html']).stderr).toBe(
      'trellis: a site is a folder of pages: give -o DIR\n',
    );
    const r = trellis(['framework', 'render', ladder, '--previous', previous]);
    expect([r.code, r.stderr]).toEqual([2, 'trellis: --previous is read only with --format html\n']);
  });
});
