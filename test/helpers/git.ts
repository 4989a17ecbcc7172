import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './cli.js';

/** A real git repository in a temporary folder, written commit by commit with chosen authors and dates. */
export class TestRepo {
  readonly dir = tempDir();

  constructor(remote?: string) {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'commit.gpgsign', 'false');
    if (remote) this.git('remote', 'add', 'origin', remote);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: this.env });
  }

  private env: NodeJS.ProcessEnv = { ...process.env };

  /** Writes the files and commits them as `author` on `date` (YYYY-MM-DD, noon UTC). */
  commit(author: string, date: string, message: string, files: Record<string, string>): string {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), text);
    }
    this.git('add', '-A');
    this.withAuthor(author, date, () => this.git('commit', '-q', '--allow-empty', '-m', message));
    return this.git('rev-parse', 'HEAD').trim();
  }

  rename(author: string, date: string, message: string, from: string, to: string): string {
    mkdirSync(dirname(join(this.dir, to)), { recursive: true });
    renameSync(join(this.dir, from), join(this.dir, to));
    return this.commit(author, date, message, {});
  }

  /** Merges `branch` into the current branch with a merge commit, as `author`. */
  merge(author: string, date: string, branch: string): string {
    this.withAuthor(author, date, () =>
      this.git('merge', '-q', '--no-ff', '-m', `Merge branch '${branch}'`, branch),
    );
    return this.git('rev-parse', 'HEAD').trim();
  }

  private withAuthor(author: string, date: string, work: () => void): void {
    const [name, email] = author.split(' <') as [string, string];
    const stamp = `${date}T12:00:00Z`;
    const saved = this.env;
    this.env = {
      ...saved,
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email.replace(/>$/, ''),
      GIT_AUTHOR_DATE: stamp,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email.replace(/>$/, ''),
      GIT_COMMITTER_DATE: stamp,
    };
    try {
      work();
    } finally {
      this.env = saved;
    }
  }
}
