import type { Framework } from '../../framework/schema.js';
import { LIMITS } from '../../input/limits.js';
import type { EvidenceEntry, EvidenceScope } from '../schema.js';
import { groupWork, type PieceOfWork, type ReviewGiven } from './group.js';
import { compileHints, matchCompetencies, type CompetencyMatch } from './hints.js';
import { kindsOf } from './kinds.js';
import { dayOf, type PullRequest, type WorkCommit } from './records.js';
import { plural } from '../../plural.js';

/**
 * Draft evidence entries from a person's own work records: pieces of work, each with the
 * competencies its records suggest (and why), a scope no wider than its reach, and the records it
 * rests on. Nothing here is stored: the person accepts, edits or drops each one.
 */

export interface Suggestion {
  /** Recognises the same piece of work in a later run, so that it is not suggested twice. */
  source: string;
  date: string;
  title: string;
  description: string;
  scope: EvidenceScope;
  competencies: CompetencyMatch[];
  links: string[];
  basis: { commits: number; files: number; repositories: number; pullRequests: number; reviews: number };
}

export interface SuggestInput {
  framework: Framework;
  commits: readonly WorkCommit[];
  pulls: readonly PullRequest[];
  /** The person's commit emails and code-host logins; compared exactly, in any case. */
  authors: readonly string[];
  since?: string;
  until?: string;
}

const SUBJECTS_SHOWN = 10;
const LINKS_SHOWN = 5;

const inRange = (day: string, { since, until }: Pick<SuggestInput, 'since' | 'until'>) =>
  (since === undefined || day >= since) && (until === undefined || day <= until);

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LIMITS.lineLength ? `${line.slice(0, LIMITS.lineLength - 1)}…` : line;
}

function monthName(month: string): string {
  const [year, number] = month.split('-');
  const name = new Date(Date.UTC(Number(year), Number(number) - 1, 1)).toLocaleString('en', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${name} ${year}`;
}

function titleOf(piece: PieceOfWork): string {
  if (piece.pullRequest) return piece.pullRequest.title;
  if (piece.kind === 'reviews') {
    const month = monthName(dayOf(piece.reviewed[0]!.at).slice(0, 7));
    return `Reviewed ${plural(piece.reviewed.length, 'pull request')} in ${piece.repository} (${month})`;
  }
  const work = piece.commits.filter((commit) => commit.parents.length < 2);
  const chosen =
    piece.kind === 'commits' ? [...work].sort((a, b) => b.files.length - a.files.length)[0] : work[0];
  const subject = (chosen ?? piece.commits[0]!).subject;
  if (piece.ticket && !subject.includes(piece.ticket)) return `${piece.ticket}: ${subject}`;
  return subject;
}

function descriptionOf(piece: PieceOfWork, files: number): string {
  if (piece.kind === 'reviews')
    return [
      `Reviews of ${plural(piece.reviewed.length, 'pull request')} by others:`,
      '',
      ...piece.reviewed
        .slice(0, SUBJECTS_SHOWN)
        .map(({ pull }) => `- #${pull.number} ${oneLine(pull.title)}`),
      ...(piece.reviewed.length > SUBJECTS_SHOWN
        ? [`- and ${piece.reviewed.length - SUBJECTS_SHOWN} more`]
        : []),
    ].join('\n');
  const lines: string[] = [];
  const body = piece.pullRequest?.body.split(/\n\s*\n/)[0]?.trim();
  if (body) lines.push(body.length > 500 ? `${body.slice(0, 499)}…` : body, '');
  const what =
    piece.commits.length > 0
      ? `${plural(piece.commits.length, 'commit')} touching ${plural(files, 'file')}`
      : `${plural(files, 'file')} changed`;
  lines.push(
    `${what[0]!.toUpperCase()}${what.slice(1)} in ${piece.repository}` +
      (piece.branch ? ` (branch ${piece.branch})` : '') +
      (piece.commits.length > 0 ? ':' : '.'),
  );
  const subjects = [...new Set(piece.commits.map((commit) => oneLine(commit.subject)))];
  if (subjects.length > 0) lines.push('', ...subjects.slice(0, SUBJECTS_SHOWN).map((s) => `- ${s}`));
  if (subjects.length > SUBJECTS_SHOWN) lines.push(`- and ${subjects.length - SUBJECTS_SHOWN} more`);
  return lines.join('\n');
}

function linksOf(piece: PieceOfWork): string[] {
  const links: string[] = [];
  if (piece.pullRequest) links.push(piece.pullRequest.url);
  for (const { pull } of piece.reviewed) links.push(pull.url);
  const merges = piece.commits.filter((commit) => commit.parents.length > 1);
  const shown = merges.length > 0 ? merges : [piece.commits[0], piece.commits.at(-1)];
  for (const commit of shown)
    if (commit?.web) links.push(`${commit.web.base}${commit.web.commitPath}${commit.sha}`);
  return [...new Set(links)].slice(0, LINKS_SHOWN);
}

/**
 * How far the work reached, as far as the records show: another owner's repositories or several
 * repositories reach beyond a team; one repository is a team's; one's own repository is one's own.
 */
function scopeOf(piece: PieceOfWork, authors: ReadonlySet<string>): EvidenceScope {
  const repositories = new Set<string>([piece.repository]);
  const owners = new Set<string>();
  for (const commit of piece.commits) {
    repositories.add(commit.repository);
    if (commit.web) owners.add(commit.web.owner.toLowerCase());
  }
  for (const { pull } of piece.reviewed) repositories.add(pull.repository);
  if (piece.pullRequest) owners.add(piece.pullRequest.owner.toLowerCase());
  for (const { pull } of piece.reviewed) owners.add(pull.owner.toLowerCase());
  if (repositories.size > 1 || owners.size > 1) return 'multi-team';
  if (owners.size === 1 && authors.has([...owners][0]!)) return 'self';
  return 'team';
}

function dateOf(piece: PieceOfWork): string {
  if (piece.pullRequest) return dayOf(piece.pullRequest.mergedAt ?? piece.pullRequest.createdAt);
  if (piece.kind === 'reviews')
    return piece.reviewed
      .map((r) => dayOf(r.at))
      .sort()
      .at(-1)!;
  return dayOf(piece.commits.at(-1)!.date);
}

export function suggestEvidence(input: SuggestInput): Suggestion[] {
  const authors = new Set(input.authors.map((author) => author.toLowerCase()));
  const isAuthor = (name: string) => authors.has(name.toLowerCase());
  const commits = input.commits.filter(
    (commit) => isAuthor(commit.authorEmail) && inRange(dayOf(commit.date), input),
  );
  const own = input.pulls.filter(
    (pull) => isAuthor(pull.author) && inRange(dayOf(pull.mergedAt ?? pull.createdAt), input),
  );
  const reviewed: ReviewGiven[] = input.pulls.flatMap((pull) => {
    if (isAuthor(pull.author)) return [];
    const mine = pull.reviews
      .filter((review) => isAuthor(review.author) && inRange(dayOf(review.submittedAt), input))
      .map((review) => review.submittedAt)
      .sort();
    return mine.length > 0 ? [{ pull, at: mine.at(-1)! }] : [];
  });
  const hints = compileHints(input.framework);
  return groupWork(commits, own, reviewed)
    .map((piece) => {
      const files = [
        ...new Set([
          ...piece.commits.flatMap((c) => c.files.map((f) => f.path)),
          ...(piece.pullRequest?.files ?? []),
        ]),
      ];
      const messages = [
        ...piece.commits.flatMap((commit) => [commit.subject, commit.body]),
        ...(piece.pullRequest ? [piece.pullRequest.body] : []),
      ].filter(Boolean);
      const title = oneLine(titleOf(piece));
      const kinds = kindsOf({ isReview: piece.kind === 'reviews', title, messages, files });
      return {
        source: piece.key,
        date: dateOf(piece),
        title,
        description: descriptionOf(piece, files.length),
        scope: scopeOf(piece, authors),
        competencies: matchCompetencies(hints, { title, messages, files, kinds }),
        links: linksOf(piece),
        basis: {
          commits: piece.commits.length,
          files: files.length,
          repositories: new Set([piece.repository, ...piece.commits.map((c) => c.repository)]).size,
          pullRequests: piece.pullRequest ? 1 : piece.reviewed.length,
          reviews: piece.reviewed.length,
        },
      };
    })
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || a.title.localeCompare(b.title) || a.source.localeCompare(b.source),
    );
}

/** A suggestion as the evidence entry it becomes when accepted (optionally under another title). */
export function entryOf(suggestion: Suggestion, title: string = suggestion.title): EvidenceEntry {
  return {
    date: suggestion.date,
    title,
    description: suggestion.description,
    scope: suggestion.scope,
    ...(suggestion.competencies.length > 0 ? { competencies: suggestion.competencies.map((c) => c.id) } : {}),
    ...(suggestion.links.length > 0 ? { links: suggestion.links } : {}),
    source: suggestion.source,
  };
}
