import { dayOf, type PullRequest, type WorkCommit } from './records.js';

/**
 * Commits and pull requests grouped into pieces of work, the way a person would tell them: a pull
 * request with its commits; else the commits of one merged branch; else those naming one ticket;
 * else those close in time (at most two days apart, a week in all) in one area of one repository. Reviews given
 * are grouped by repository and month.
 */

/** A pull request of someone else's, and when the person last reviewed it. */
export interface ReviewGiven {
  pull: PullRequest;
  at: string;
}

export type PieceKind = 'pull-request' | 'branch' | 'ticket' | 'commits' | 'reviews';

export interface PieceOfWork {
  kind: PieceKind;
  /** Stable across runs over the same range: how an accepted suggestion is recognised again. */
  key: string;
  repository: string;
  commits: WorkCommit[];
  pullRequest?: PullRequest;
  /** Pull requests of others that the person reviewed (kind `reviews`). */
  reviewed: ReviewGiven[];
  ticket?: string;
  branch?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_MS = 2 * DAY_MS;
/** However steady the work, a piece spans at most a week: beyond it, it is another piece. */
const SPAN_MS = 7 * DAY_MS;
/** Folders that hold many projects: a monorepo's area is one level further down. */
const CONTAINERS = new Set([
  'packages',
  'services',
  'apps',
  'libs',
  'modules',
  'components',
  'cmd',
  'plugins',
]);
const TICKET = /\b([A-Z][A-Z0-9]{1,9}-\d{1,7})\b/g;
/** Names written like tickets that are not: encodings, standards, severities. */
const NOT_TICKETS = new Set([
  'UTF',
  'ISO',
  'SHA',
  'RFC',
  'SEV',
  'HTTP',
  'TLS',
  'ECMA',
  'ES',
  'AES',
  'IPV',
  'MD',
  'P',
]);

/** The first ticket reference (`PAY-42`) in a commit's message. */
function ticketOf(commit: WorkCommit): string | undefined {
  for (const match of `${commit.subject}\n${commit.body}`.matchAll(TICKET)) {
    const ticket = match[1]!;
    if (!NOT_TICKETS.has(ticket.slice(0, ticket.indexOf('-')))) return ticket;
  }
  return undefined;
}
/** "Merge pull request #12 from …", or a squashed commit ending in "(#12)". */
const PULL_NUMBER = /^Merge pull request #(\d+)\b|\(#(\d+)\)\s*$/;

/** The area of the repository a path is in: its first folder, or two for a monorepo's project. */
export function areaOf(path: string): string {
  const parts = path.split('/');
  if (parts.length === 1) return '.';
  if (CONTAINERS.has(parts[0]!) && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0]!;
}

/** The area most of a commit's files are in. */
function mainArea(commit: WorkCommit): string | undefined {
  const counts = new Map<string, number>();
  for (const file of commit.files) counts.set(areaOf(file.path), (counts.get(areaOf(file.path)) ?? 0) + 1);
  let best: string | undefined;
  for (const [area, count] of counts) if (best === undefined || count > counts.get(best)!) best = area;
  return best;
}

const time = (commit: WorkCommit) => Date.parse(commit.date);
const byTime = (a: WorkCommit, b: WorkCommit) => time(a) - time(b) || a.sha.localeCompare(b.sha);

function pullNumberOf(commit: WorkCommit): number | undefined {
  const match = PULL_NUMBER.exec(commit.subject);
  const number = match?.[1] ?? match?.[2];
  return number === undefined ? undefined : Number(number);
}

/** Whether a pull request is of the repository a commit is in (names compared case-insensitively). */
function sameRepository(pull: PullRequest, commit: WorkCommit): boolean {
  const a = pull.repository.toLowerCase();
  const b = commit.repository.toLowerCase();
  return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}

function pieceOf(kind: PieceKind, commits: WorkCommit[], extra: Partial<PieceOfWork> = {}): PieceOfWork {
  const sorted = [...commits].sort(byTime);
  const repository = extra.repository ?? sorted[0]!.repository;
  return {
    kind,
    key: `git:${repository}:${sorted[0]!.sha}`,
    repository,
    commits: sorted,
    reviewed: [],
    ...extra,
  };
}

export function groupWork(
  commits: readonly WorkCommit[],
  pulls: readonly PullRequest[],
  reviewed: readonly ReviewGiven[],
): PieceOfWork[] {
  const pieces: PieceOfWork[] = [];
  const left = new Map(commits.map((commit) => [commit.sha, commit]));

  for (const pull of pulls) {
    const listed = new Set(pull.commits);
    const own = [...left.values()].filter(
      (commit) =>
        listed.has(commit.sha) || (pullNumberOf(commit) === pull.number && sameRepository(pull, commit)),
    );
    for (const commit of own) left.delete(commit.sha);
    pieces.push({
      kind: 'pull-request',
      key: `pr:${pull.url}`,
      repository: pull.repository,
      commits: own.sort(byTime),
      pullRequest: pull,
      reviewed: [],
      ...(pull.branch ? { branch: pull.branch } : {}),
    });
  }

  // A branch belongs to one repository; a ticket may be worked on in several.
  const grouped = (keyOf: (commit: WorkCommit) => string | undefined, acrossRepositories = false) => {
    const groups = new Map<string, WorkCommit[]>();
    for (const commit of [...left.values()].sort(byTime)) {
      const key = keyOf(commit);
      if (key === undefined) continue;
      const id = acrossRepositories ? key : `${commit.repository}\u0000${key}`;
      groups.set(id, [...(groups.get(id) ?? []), commit]);
    }
    for (const group of groups.values()) for (const commit of group) left.delete(commit.sha);
    return [...groups.values()];
  };

  for (const group of grouped((commit) => commit.branch))
    pieces.push(pieceOf('branch', group, { branch: group[0]!.branch! }));
  for (const group of grouped(ticketOf, true))
    pieces.push(pieceOf('ticket', group, { ticket: ticketOf(group[0]!)! }));

  // What is left: close in time and in one area of one repository.
  const open = new Map<string, WorkCommit[]>();
  for (const commit of [...left.values()].sort(byTime)) {
    const id = `${commit.repository}\u0000${mainArea(commit) ?? ''}`;
    const current = open.get(id);
    if (
      current &&
      time(commit) - time(current.at(-1)!) <= WINDOW_MS &&
      time(commit) - time(current[0]!) <= SPAN_MS
    )
      current.push(commit);
    else {
      if (current) pieces.push(pieceOf('commits', current));
      open.set(id, [commit]);
    }
  }
  for (const group of open.values()) pieces.push(pieceOf('commits', group));

  const reviews = new Map<string, ReviewGiven[]>();
  for (const review of reviewed) {
    const id = `${review.pull.repository}\u0000${dayOf(review.at).slice(0, 7)}`;
    reviews.set(id, [...(reviews.get(id) ?? []), review]);
  }
  for (const [id, group] of reviews) {
    const [repository, month] = id.split('\u0000') as [string, string];
    pieces.push({
      kind: 'reviews',
      key: `reviews:${repository}:${month}`,
      repository,
      commits: [],
      reviewed: group,
    });
  }
  return pieces;
}
