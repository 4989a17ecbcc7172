import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { FullPlan as FrameworkPlan } from '../../../src/core/org/plan.js';
import type { Role } from '../../../src/core/org/policy.js';
import { ApiError, del, get, getAll, patch, post } from './client.js';
import { JUST_FETCHED_MS } from './queries.js';

/** What the /api/session and /api/org routes answer (docs/organisation.md). */
export interface SignedIn {
  email: string;
  roles: Role[];
  organisation: string;
  via: 'session' | 'token';
}

export interface SessionState {
  account: SignedIn | null;
  /** The server holds an organisation: a visitor signs in first. */
  organisations: boolean;
  sso: boolean;
}

export interface DirectoryEntry {
  id: number;
  name: string;
  email: string;
  team: string | null;
  managerEmail: string | null;
  status: 'active' | 'left';
}

export interface PersonRecord extends Omit<DirectoryEntry, 'team' | 'managerEmail'> {
  team?: string;
  managerEmail?: string;
  level: string;
  levelTitle: string | null;
  frameworkVersion: number | null;
  specialisation?: string;
  zone?: string;
  startDate: string;
  levelStartDate: string;
  leaveDate?: string;
  gender?: string;
  levelHistory: {
    at: string;
    level: string;
    levelStartDate: string;
    cause: 'import' | 'edit' | 'promotion';
  }[];
}

export interface FrameworkVersion {
  id: number;
  number: number;
  frameworkId: string;
  frameworkVersion: string;
  adoptedAt: string;
  adoptedBy: string;
}

export interface Account {
  id: number;
  email: string;
  personId?: number;
  roles: Role[];
  hasPassword: boolean;
  disabled: boolean;
}

export interface ApiToken {
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  revokedAt?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  before: unknown;
  after: unknown;
}

export type { FrameworkPlan };

const query = (values: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

/** Who is signed in: the layout waits for it before any page, so it is asked for first (`main.tsx`). */
export const sessionQuery = {
  queryKey: ['session'],
  staleTime: JUST_FETCHED_MS,
  queryFn: () => get<SessionState>('/session'),
} as const;

export function useSession() {
  return useQuery(sessionQuery);
}

/** Sign in, out, or out everywhere: afterwards every cached answer belongs to someone else. */
function useSessionChange<I>(change: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      return client.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

export const useSignIn = () =>
  useSessionChange((body: { email: string; password: string }) => post('/session', body));
export const useUseLink = () =>
  useSessionChange((body: { token: string; password: string }) => post('/session/link', body));
export const useSignOut = () =>
  useSessionChange((everywhere: boolean) => del(everywhere ? '/sessions' : '/session'));

export interface DirectoryFilter {
  q?: string | undefined;
  team?: string | undefined;
  manager?: string | undefined;
  cursor?: string | undefined;
}

export function useDirectoryPage(filter: DirectoryFilter, limit = 20) {
  return useQuery({
    queryKey: ['org', 'people', filter, limit],
    queryFn: () =>
      get<{ items: DirectoryEntry[]; nextCursor: string | null }>(
        `/org/people${query({ ...filter, limit: String(limit) })}`,
      ),
  });
}

/** The whole directory: for the chart, the filters' choices and a person's reports. */
export function useDirectory() {
  return useQuery({
    queryKey: ['org', 'people', 'all'],
    queryFn: () => getAll<DirectoryEntry>('/org/people', 'items'),
  });
}

/** A person's record, or null when the viewer's role does not show it (the API's 404). */
export function usePerson(id: number) {
  return useQuery({
    queryKey: ['org', 'person', id],
    queryFn: async () => {
      try {
        return await get<PersonRecord>(`/org/people/${id}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useFrameworkVersions() {
  return useQuery({
    queryKey: ['org', 'frameworks'],
    queryFn: async () => (await get<{ items: FrameworkVersion[] }>('/org/frameworks')).items,
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: ['org', 'accounts'],
    queryFn: async () => (await get<{ items: Account[] }>('/org/accounts')).items,
  });
}

export function useTokens() {
  return useQuery({
    queryKey: ['org', 'tokens'],
    queryFn: async () => (await get<{ items: ApiToken[] }>('/org/tokens')).items,
  });
}

export interface AuditFilter {
  person?: string | undefined;
  actor?: string | undefined;
  kind?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['org', 'audit', filter],
    queryFn: async () => (await get<{ items: AuditEntry[] }>(`/org/audit${query({ ...filter })}`)).items,
  });
}

/** A write of the organisation, then a fresh read of what it changes. */
function useOrgWrite<I, O>(write: (input: I) => Promise<O>, changes: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all(changes.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

export const usePlanFramework = () =>
  useMutation({ mutationFn: (source: string) => post<FrameworkPlan>('/org/frameworks/plan', { source }) });
export const useAdoptFramework = () =>
  useOrgWrite(
    (body: { source: string; file?: string }) =>
      post<{ version: FrameworkVersion; moved: string[]; kept: string[] }>('/org/frameworks', body),
    [['org']],
  );
export const useAddAccount = () =>
  useOrgWrite(
    (body: { email: string; roles: Role[] }) => post<Account>('/org/accounts', body),
    [['org', 'accounts']],
  );
export const useChangeAccount = () =>
  useOrgWrite(
    ({ id, ...body }: { id: number; roles?: Role[]; disabled?: boolean }) =>
      patch<Account>(`/org/accounts/${id}`, body),
    [['org', 'accounts']],
  );
export const useResetLink = () =>
  useMutation({
    mutationFn: (id: number) =>
      post<{ email: string; url: string; expiresAt: string }>(`/org/accounts/${id}/reset-link`, {}),
  });
export const useCreateToken = () =>
  useOrgWrite(
    (body: { email: string; role: Role; name: string }) =>
      post<ApiToken & { token: string }>('/org/tokens', body),
    [['org', 'tokens']],
  );
export const useRevokeToken = () =>
  useOrgWrite((name: string) => del(`/org/tokens/${encodeURIComponent(name)}`), [['org', 'tokens']]);
