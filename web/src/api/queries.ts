import type { Profile, StoredAssessment, StoredEvidence } from '../../../src/store/entities.js';
import { get, getAll } from './client.js';
import type { FrameworkData } from './framework.js';

/**
 * What the pages ask the API for, each under its one cache key: the hooks read these, and a route
 * starts them before its page's code has arrived (`routes.tsx`), so data and code come together.
 */

/** A stored named document (an offer file, an earnings scenario) as the API returns it. */
export interface StoredDocument<F = unknown> {
  id: number;
  name: string;
  file: F;
  createdAt: string;
  updatedAt: string;
}

export type DocumentKind = 'offers' | 'scenarios';

/**
 * How long an answer counts as fresh: long enough that the page does not ask again, as it
 * mounts, for what its route has just fetched; this app's own changes refresh these at once.
 */
export const JUST_FETCHED_MS = 5_000;

// The framework only changes when someone imports another one: keep it for the whole visit.
export const frameworkQuery = {
  queryKey: ['framework'],
  staleTime: Infinity,
  queryFn: () => get<FrameworkData>('/framework/bundle'),
} as const;

export const profileQuery = {
  queryKey: ['profile'],
  staleTime: JUST_FETCHED_MS,
  // null until a profile is saved: a normal first visit, not a failure.
  queryFn: () => get<Profile | null>('/profile'),
} as const;

export const assessmentsQuery = {
  queryKey: ['assessments'],
  staleTime: JUST_FETCHED_MS,
  queryFn: () => getAll<StoredAssessment>('/assessments', 'assessments'),
} as const;

export const evidenceQuery = {
  queryKey: ['evidence'],
  staleTime: JUST_FETCHED_MS,
  queryFn: () => getAll<StoredEvidence>('/evidence', 'entries'),
} as const;

export const documentsQuery = <F>(kind: DocumentKind) =>
  ({
    queryKey: [kind],
    staleTime: JUST_FETCHED_MS,
    queryFn: () => getAll<StoredDocument<F>>(`/${kind}`, kind),
  }) as const;
