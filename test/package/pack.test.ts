import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What `npm pack` puts in the package: the built command line and the built web app, so that an
 * installed copy serves the app; and dependencies that the built server and command line really
 * import, the browser's libraries staying development dependencies.
 */

const root = resolve(import.meta.dirname, '../..');
const built = existsSync(join(root, 'dist/cli/main.js')) && existsSync(join(root, 'web/dist/index.html'));
if (!built && process.env.CI) throw new Error('the package test needs dist and web/dist (npm run build)');

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The packages a set of files imports (`zod`, `@fastify/static`), from their import statements. */
function packagesImported(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(
      /(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^'.\s][^'\s]*)'/gm,
    )) {
      if (specifier!.startsWith('node:')) continue;
      const parts = specifier!.split('/');
      names.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return names;
}

describe('the package', () => {
  it.skipIf(!built)('holds the built command line and the built web app', { timeout: 120_000 }, () => {
    // Scripts off: this lists what is already built instead of building again.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
    });
    const [pack] = JSON.parse(out) as [{ files: { path: string }[] }];
    const paths = new Set(pack.files.map((f) => f.path));
    expect(paths).toContain('dist/cli/main.js');
    expect(paths).toContain('web/dist/index.html');
    expect(paths).toContain('frameworks/reference.yaml');
    // The hashed files and their compressed copies, which the server sends as they are.
    const assets = [...paths].filter((p) => p.startsWith('web/dist/assets/'));
    expect(assets.some((p) => p.endsWith('.js.br'))).toBe(true);
    expect(assets.some((p) => p.endsWith('.js.gz'))).toBe(true);
    // Neither sources nor tests.
    expect([...paths].filter((p) => /^(src|test|web\/src)\//.test(p))).toEqual([]);
  });

  it('keeps the libraries only the web app imports out of the dependencies', () => {
    const server = packagesImported(sources(join(root, 'src')));
    // The browser's libraries are imported by the web app only: development dependencies, since
    // the app ships built and the server never imports them.
    const web = packagesImported(sources(join(root, 'web/src')));
    const browserOnly = [...web].filter((name) => !server.has(name));
    for (const name of ['react', 'react-dom', 'react-router', '@tanstack/react-query', 'recharts'])
      expect(browserOnly).toContain(name);
    for (const name of browserOnly) {
      expect(manifest.dependencies, name).not.toHaveProperty(name);
      expect(manifest.devDependencies, name).toHaveProperty(name);
    }
  });
});
