import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  AssessmentInput,
  Profile,
  ProfileInput,
  StoredAssessment,
  StoredEvidence,
} from '../../../src/store/entities.js';
import type { EvidenceEntry } from '../../../src/core/evidence/schema.js';
import { del, post, put } from './client.js';
import {
  assessmentsQuery,
  documentsQuery,
  evidenceQuery,
  frameworkQuery,
  profileQuery,
  type DocumentKind,
  type StoredDocument,
} from './queries.js';

export type { FrameworkData } from './framework.js';
export { frameworkQuery, type StoredDocument } from './queries.js';

export function useFramework() {
  return useQuery(frameworkQuery);
}

export function useProfile() {
  return useQuery(profileQuery);
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: ProfileInput) => put<Profile>('/profile', profile),
    onSuccess: (saved) => client.setQueryData(['profile'], saved),
  });
}

export function useAssessments() {
  return useQuery(assessmentsQuery);
}

export function useEvidence() {
  return useQuery(evidenceQuery);
}

export function useDocuments<F>(kind: DocumentKind) {
  return useQuery(documentsQuery<F>(kind));
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
export const useSaveDocument = <F>(kind: DocumentKind) =>
  useSave<{ name?: string; file: F }, StoredDocument<F>>([kind], `/${kind}`);
export const useDeleteDocument = (kind: DocumentKind) => useDelete([kind], `/${kind}`);
