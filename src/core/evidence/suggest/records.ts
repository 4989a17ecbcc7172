/**
 * The work records suggestions are drawn from, as the core sees them: what a version-control
 * history or a code host's export says happened, already read and checked by an adapter.
 */

/** A file a commit touched, with its earlier path when it was renamed. */
export interface TouchedFile {
  path: string;
  from?: string;
}

export interface WorkCommit {
  /** The repository's name as the person knows it (its folder, or owner/name from its remote). */
  repository: string;
  sha: string;
  authorEmail: string;
  /** ISO-8601 with the offset git recorded. */
  date: string;
  subject: string;
  body: string;
  parents: readonly string[];
  files: readonly TouchedFile[];
  /** Where the repository's web pages are, when its remote is a known code host. */
  web?: RepositoryWeb;
  /** The branch a merged commit was made on, read from the merge that brought it in. */
  branch?: string;
}

/** How a code host links to a commit: `${base}${commitPath}${sha}`. */
export interface RepositoryWeb {
  base: string;
  commitPath: string;
  /** The owner (user, organisation or group) part of the repository's address. */
  owner: string;
}

/** A pull (or merge) request from a code host's export. */
export interface PullRequest {
  repository: string;
  owner: string;
  number: number;
  title: string;
  body: string;
  url: string;
  author: string;
  createdAt: string;
  mergedAt?: string;
  state: string;
  branch?: string;
  files: readonly string[];
  /** The commits the export lists, by sha. */
  commits: readonly string[];
  reviews: readonly PullRequestReview[];
}

export interface PullRequestReview {
  author: string;
  state: string;
  submittedAt: string;
}

/** The day part of an ISO-8601 timestamp, as written in the evidence log. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
