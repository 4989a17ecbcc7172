import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  AssessmentInput,
  Profile,
  ProfileInput,
  StoredAssessment,
  StoredEvidence,
} from '../../../src/store/entities.js';
import type { EvidenceEntry } from '../../../src/core/evidence/schema.js';
import { del, get, getAll, post, put } from './client.js';
import type { FrameworkData } from './framework.js';

/** A stored named document (an offer file, an earnings scenario) as the API returns it. */
export interface StoredDocument<F = unknown> {
  id: number;
  name: string;
  file: F;
  createdAt: string;
  updatedAt: string;
}

export type { FrameworkData } from './framework.js';

// The framework only changes when someone imports another one: keep it for the whole visit.
export const frameworkQuery = {
  queryKey: ['framework'],
  staleTime: Infinity,
  queryFn: () => get<FrameworkData>('/framework/bundle'),
} as const;

export function useFramework() {
  return useQuery(frameworkQuery);
}

export function useProfile() {
  return useQuery({
    queryKey: ['profile'],
    // null until a profile is saved: a normal first visit, not a failure.
    queryFn: () => get<Profile | null>('/profile'),
  });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: ProfileInput) => put<Profile>('/profile', profile),
    onSuccess: (saved) => client.setQueryData(['profile'], saved),
  });
}

export function useAssessments() {
  return useQuery({
    queryKey: ['assessments'],
    queryFn: () => getAll<StoredAssessment>('/assessments', 'assessments'),
  });
}

export function useEvidence() {
  return useQuery({
    queryKey: ['evidence'],
    queryFn: () => getAll<StoredEvidence>('/evidence', 'entries'),
  });
}

export function useDocuments<F>(kind: 'offers' | 'scenarios') {
  return useQuery({
    queryKey: [kind],
    queryFn: () => getAll<StoredDocument<F>>(`/${kind}`, kind),
  });
}

/** Create (no id) or replace (id) an entity, then refresh its list. */
function useSave<I, O>(key: QueryKey, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number | undefined; body: I }) =>
      id === undefined ? post<O>(path, body) : put<O>(`${path}/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

function useDelete(key: QueryKey, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`${path}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const useSaveAssessment = () =>
  useSave<AssessmentInput, StoredAssessment>(['assessments'], '/assessments');
export const useDeleteAssessment = () => useDelete(['assessments'], '/assessments');
export const useSaveEvidence = () => useSave<EvidenceEntry, StoredEvidence>(['evidence'], '/evidence');
export const useDeleteEvidence = () => useDelete(['evidence'], '/evidence');
export const useSaveDocument = <F>(kind: 'offers' | 'scenarios') =>
  useSave<{ name?: string; file: F }, StoredDocument<F>>([kind], `/${kind}`);
export const useDeleteDocument = (kind: 'offers' | 'scenarios') => useDelete([kind], `/${kind}`);
