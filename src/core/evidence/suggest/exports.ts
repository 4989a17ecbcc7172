import { z } from 'zod';
import { checkSchema, parseSource } from '../../input/document.js';
import { capProblems, DomainError } from '../../problems.js';
import { LIMITS } from '../../input/limits.js';
import type { PullRequest } from './records.js';

/**
 * Pull requests exported by the code host's own command-line client, read without any network:
 *
 *     gh pr list --state all --limit 1000 --author @me \
 *       --json number,title,body,url,author,createdAt,mergedAt,state,headRefName,files,commits,reviews
 *     glab mr list --all --author=@me --output json
 *
 * Exports hold many more fields than these; the others are ignored. The two shapes are told apart
 * by their keys (GitHub's `number` and `url`, GitLab's `iid` and `web_url`).
 */

const text = z.string().max(LIMITS.textBytes);
const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date and time' });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems);
const person = z.looseObject({ login: text.optional(), username: text.optional() });

const githubPull = z.looseObject({
  number: z.number().int().positive(),
  title: text,
  body: text.nullish(),
  url: z.url({ protocol: /^https?$/ }),
  author: person.nullish(),
  createdAt: timestamp,
  mergedAt: timestamp.nullish(),
  state: text,
  headRefName: text.optional(),
  files: list(z.looseObject({ path: text })).optional(),
  commits: list(z.looseObject({ oid: text })).optional(),
  reviews: list(
    z.looseObject({ author: person.nullish(), state: text, submittedAt: timestamp.nullish() }),
  ).optional(),
});

const gitlabMerge = z.looseObject({
  iid: z.number().int().positive(),
  title: text,
  description: text.nullish(),
  web_url: z.url({ protocol: /^https?$/ }),
  author: person.nullish(),
  created_at: timestamp,
  merged_at: timestamp.nullish(),
  state: text,
  source_branch: text.optional(),
});

const notAnExport = 'must be the JSON list that `gh pr list --json …` or `glab mr list --output json` writes';
const githubExport = z.array(githubPull, { error: notAnExport }).max(LIMITS.listItems);
const gitlabExport = z.array(gitlabMerge, { error: notAnExport }).max(LIMITS.listItems);

/** GitLab's merge requests carry `iid`; anything else is read as GitHub's, to report what it lacks. */
function isGitlab(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  return typeof first === 'object' && first !== null && Object.hasOwn(first, 'iid');
}

/** owner/name from a pull request's address: https://host/owner/name/pull/12 or /-/merge_requests/12. */
function repositoryOf(url: string): { repository: string; owner: string } {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  const end = parts.findIndex((part) => part === 'pull' || part === 'merge_requests' || part === '-');
  const path = parts.slice(0, end < 0 ? parts.length : end);
  return { repository: path.join('/'), owner: path.slice(0, -1).join('/') || path[0] || '' };
}

function fromGithub(pull: z.output<typeof githubPull>): PullRequest {
  return {
    ...repositoryOf(pull.url),
    number: pull.number,
    title: pull.title,
    body: pull.body ?? '',
    url: pull.url,
    author: pull.author?.login ?? '',
    createdAt: pull.createdAt,
    ...(pull.mergedAt ? { mergedAt: pull.mergedAt } : {}),
    state: pull.state.toLowerCase(),
    ...(pull.headRefName ? { branch: pull.headRefName } : {}),
    files: (pull.files ?? []).map((f) => f.path),
    commits: (pull.commits ?? []).map((c) => c.oid),
    reviews: (pull.reviews ?? []).flatMap((r) =>
      r.author?.login && r.submittedAt
        ? [{ author: r.author.login, state: r.state.toLowerCase(), submittedAt: r.submittedAt }]
        : [],
    ),
  };
}

function fromGitlab(merge: z.output<typeof gitlabMerge>): PullRequest {
  return {
    ...repositoryOf(merge.web_url),
    number: merge.iid,
    title: merge.title,
    body: merge.description ?? '',
    url: merge.web_url,
    author: merge.author?.username ?? '',
    createdAt: merge.created_at,
    ...(merge.merged_at ? { mergedAt: merge.merged_at } : {}),
    state: merge.state.toLowerCase(),
    ...(merge.source_branch ? { branch: merge.source_branch } : {}),
    files: [],
    commits: [],
    reviews: [],
  };
}

/** Reads one export file; every problem located as FILE:LINE:COL. */
export function parsePullRequestExport(textOfFile: string, file: string): PullRequest[] {
  const source = parseSource(textOfFile, file);
  const problems = [...source.syntaxProblems];
  if (problems.length === 0) {
    if (isGitlab(source.value)) {
      const checked = checkSchema(source, gitlabExport);
      if (checked.value) return checked.value.map(fromGitlab);
      problems.push(...checked.problems);
    } else {
      const checked = checkSchema(source, githubExport);
      if (checked.value) return checked.value.map(fromGithub);
      problems.push(...checked.problems);
    }
  }
  throw new DomainError('invalid-input', `${file} is not a pull request export`, capProblems(problems));
}
