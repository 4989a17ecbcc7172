import { spawn } from 'node:child_process';
import { basename, resolve } from 'node:path';
import type { RepositoryWeb, TouchedFile, WorkCommit } from '../core/evidence/suggest/records.js';
import { DomainError } from '../core/problems.js';

/**
 * Reads a local repository's history through the `git` command: no network, no hosted API. Every
 * branch and remote-tracking branch is read, merges included (with the files they brought in, as
 * against their first parent), renames followed. Only the named authors' commits are kept, by
 * exact email; `git log --author` (a pattern) only narrows what git prints.
 */

const RECORD = '\u001e';
const FIELD = '\u001f';
/** Megabytes git may print for one history before it is refused (100,000 commits fit easily). */
const MAX_OUTPUT = 512 * 1024 * 1024;

function git(dir: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('git', ['-C', dir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) child.kill();
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        new DomainError(
          'usage',
          error.code === 'ENOENT' ? 'the `git` command is not installed or not on PATH' : error.message,
        ),
      ),
    );
    child.on('close', (code) => {
      if (size > MAX_OUTPUT)
        fail(new DomainError('invalid-input', `${dir}: the history is too large to read`));
      else if (code === 0) done(Buffer.concat(out).toString('utf8'));
      else
        fail(new DomainError('usage', `${dir}: ${err.trim().split('\n')[0] || `git exited with ${code}`}`));
    });
  });
}

/** Where a remote's web pages are: GitHub-, GitLab- and Bitbucket-style hosts, by name. */
export function webOf(remote: string): { web?: RepositoryWeb; name?: string } {
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/](.+?)(?:\.git)?\/?$/i.exec(remote.trim());
  if (!match) return {};
  const [, host, path] = match as unknown as [string, string, string];
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2) return {};
  const name = parts.join('/');
  const owner = parts.slice(0, -1).join('/');
  const lower = host.toLowerCase();
  const commitPath = lower.includes('gitlab')
    ? '/-/commit/'
    : lower.includes('bitbucket')
      ? '/commits/'
      : lower.includes('github')
        ? '/commit/'
        : undefined;
  return commitPath ? { web: { base: `https://${host}/${name}`, commitPath, owner }, name } : { name };
}

/** The branch a merge brought in, from the message git, GitHub or GitLab writes for it. */
export function mergedBranch(subject: string): string | undefined {
  const pull = /^Merge pull request #\d+ from [^/\s]+\/(\S+)/.exec(subject);
  if (pull) return pull[1];
  return /^Merge (?:remote-tracking )?branch '([^']+)'/.exec(subject)?.[1];
}

function filesOf(lines: string[]): TouchedFile[] {
  const files: TouchedFile[] = [];
  for (const line of lines) {
    const [status, first, second] = line.split('\t');
    if (!status || !first) continue;
    if ((status.startsWith('R') || status.startsWith('C')) && second)
      files.push({ path: second, from: first });
    else files.push({ path: first });
  }
  return files;
}

/**
 * The branch each commit was made on: for every merge, the commits reachable from its second parent
 * along first parents, until the history it was merged into.
 */
async function branchesOf(dir: string): Promise<Map<string, string>> {
  const [graph, mainline] = await Promise.all([
    git(dir, ['log', '--branches', '--remotes', '--format=%H %P%x1f%s']),
    git(dir, ['rev-list', '--first-parent', 'HEAD']).catch(() => ''),
  ]);
  const parents = new Map<string, string[]>();
  const merges: { parents: string[]; branch: string; sha: string }[] = [];
  for (const line of graph.split('\n')) {
    if (!line) continue;
    const [ids = '', subject = ''] = line.split(FIELD);
    const [sha = '', ...rest] = ids.split(' ').filter(Boolean);
    parents.set(sha, rest);
    const branch = rest.length > 1 ? mergedBranch(subject) : undefined;
    if (branch) merges.push({ parents: rest, branch, sha });
  }
  const main = new Set(mainline.split('\n').filter(Boolean));
  const branchOf = new Map<string, string>();
  for (const merge of merges) {
    branchOf.set(merge.sha, merge.branch);
    let current: string | undefined = merge.parents[1];
    while (current && !main.has(current) && !branchOf.has(current)) {
      branchOf.set(current, merge.branch);
      current = parents.get(current)?.[0];
    }
  }
  return branchOf;
}

export interface HistoryQuery {
  authors: readonly string[];
  since?: string;
  until?: string;
}

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function readGitHistory(dir: string, query: HistoryQuery): Promise<WorkCommit[]> {
  const top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  const remote = (await git(top, ['remote', 'get-url', 'origin']).catch(() => '')).trim();
  const { web, name } = webOf(remote);
  const repository = name ?? basename(resolve(top));
  const authors = new Set(query.authors.map((a) => a.toLowerCase()));
  const args = [
    'log',
    '--branches',
    '--remotes',
    '--no-color',
    '-M',
    '--name-status',
    '--diff-merges=first-parent',
    `--format=${RECORD}%H${FIELD}%P${FIELD}%ae${FIELD}%aI${FIELD}%s${FIELD}%b${FIELD}`,
    ...query.authors.map((author) => `--author=${escapePattern(author)}`),
    ...(query.since ? [`--since=${query.since}T00:00:00Z`] : []),
    ...(query.until ? [`--until=${query.until}T23:59:59Z`] : []),
  ];
  const [log, branches] = await Promise.all([git(top, args), branchesOf(top)]);
  const commits: WorkCommit[] = [];
  for (const record of log.split(RECORD)) {
    if (!record) continue;
    const [sha = '', parents = '', email = '', date = '', subject = '', body = '', rest = ''] =
      record.split(FIELD);
    if (!authors.has(email.toLowerCase())) continue;
    const branch = branches.get(sha);
    commits.push({
      repository,
      sha,
      authorEmail: email,
      date,
      subject,
      body: body.trim(),
      parents: parents.split(' ').filter(Boolean),
      files: filesOf(rest.split('\n')),
      ...(web ? { web } : {}),
      ...(branch ? { branch } : {}),
    });
  }
  return commits;
}
