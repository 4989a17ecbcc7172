import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  CaseDecision,
  Decision,
  PromotionCase,
  Readiness,
  Vote,
} from '../../../src/core/org/cases/case.js';
import type { ReviewAssessment, WriteAssessment } from '../../../src/core/org/reviews/assessment.js';
import type { CalibrationSummary, Outcome } from '../../../src/core/org/reviews/calibration.js';
import type { SelfVsManager } from '../../../src/core/org/reviews/compare.js';
import type { Cycle } from '../../../src/core/org/reviews/cycle.js';
import type { CycleProgress } from '../../../src/core/org/reviews/progress.js';
import type { TodoItem } from '../../../src/core/org/reviews/todo.js';
import { ApiError, get, post, put } from './client.js';
import { useDirectory, useSession } from './org.js';

/** What the /api/org/cycles and /api/org/cases routes answer (docs/organisation.md). */
export type { CaseDecision, Cycle, Decision, Outcome, PromotionCase, TodoItem };

export interface CycleCompetency {
  id: string;
  name: string;
  points: { value: number; label: string }[];
}

export interface CycleDetail extends Cycle {
  progress: CycleProgress;
  competencies: CycleCompetency[];
}

export interface Comparison extends SelfVsManager {
  cycle: number;
  person: { id: number; name: string; level: string };
  peers: ReviewAssessment['ratings'][];
}

export interface CalibrationItem {
  personId: number;
  name: string | null;
  level: string;
  team: string | null;
  manager: string;
  outcome: Outcome;
  computed: Outcome;
  adjusted: { outcome: Outcome; reason: string } | null;
  explanation: string;
}

export interface Calibration extends CalibrationSummary {
  items: CalibrationItem[];
}

export interface RatingsOverTime {
  person: { id: number; name: string };
  competencies: { id: string; name: string }[];
  items: {
    cycleId: number;
    cycle: string;
    status: Cycle['status'];
    openedAt: string;
    frameworkVersion: number | null;
    self: Record<string, number> | null;
    manager: Record<string, number> | null;
  }[];
}

type Latest = {
  kind: ReviewAssessment['kind'];
  ratings: ReviewAssessment['ratings'];
  submittedAt: string | null;
};

export interface CaseBundle extends PromotionCase {
  person: { id: number; name: string; level: string; levelStartDate: string };
  nominatedFrom: { level: string; levelStartDate: string };
  latest: { self?: Latest; manager?: Latest };
  readiness: (Readiness & { from: ReviewAssessment['kind'] }) | null;
  names: { levels: Record<string, string>; competencies: Record<string, string> };
  committee: { round: number; personId: number }[];
  tally: Record<Decision, number>;
  votes?: Vote[];
}

/** A read that answers null when the reader's role does not show it (the API's 404). */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const items =
  <T>(path: string) =>
  async () =>
    (await get<{ items: T[] }>(path)).items;

export const useCycles = () =>
  useQuery({ queryKey: ['org', 'cycles'], queryFn: items<Cycle>('/org/cycles') });
export const useTodo = () =>
  useQuery({ queryKey: ['org', 'cycles', 'todo'], queryFn: items<TodoItem>('/org/cycles/todo') });
export const useCycle = (id: number) =>
  useQuery({
    queryKey: ['org', 'cycles', id],
    enabled: id > 0,
    queryFn: () => get<CycleDetail>(`/org/cycles/${id}`),
  });
export const useComparison = (cycleId: number, personId: number | undefined) =>
  useQuery({
    queryKey: ['org', 'cycles', cycleId, 'comparison', personId],
    enabled: personId !== undefined,
    queryFn: () => get<Comparison>(`/org/cycles/${cycleId}/people/${personId}/comparison`),
  });
export const useCalibration = (id: number) =>
  useQuery({
    queryKey: ['org', 'cycles', id, 'calibration'],
    queryFn: () => get<Calibration>(`/org/cycles/${id}/calibration`),
  });
export const useRatings = (personId: number) =>
  useQuery({
    queryKey: ['org', 'ratings', personId],
    queryFn: () => orNull(() => get<RatingsOverTime>(`/org/people/${personId}/ratings`)),
  });
export const useCases = () =>
  useQuery({ queryKey: ['org', 'cases'], queryFn: items<PromotionCase>('/org/cases') });
export const useCase = (id: number) =>
  useQuery({ queryKey: ['org', 'cases', id], queryFn: () => get<CaseBundle>(`/org/cases/${id}`) });

/** A write, then a fresh read of everything under `changes`. */
function useWrite<I, O>(write: (input: I) => Promise<O>, changes: QueryKey[] = [['org']]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all(changes.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

export interface OpenCycle {
  name: string;
  frameworkVersion?: number;
  teams?: string[];
  levels?: string[];
  selfDue: string;
  managerDue: string;
}

export const useOpenCycle = () => useWrite((body: OpenCycle) => post<Cycle>('/org/cycles', body));
export const useCloseCycle = () => useWrite((id: number) => post<Cycle>(`/org/cycles/${id}/close`, {}));

/** Where an assessment is written: one's own, a report's as their manager, or a peer's answer. */
export type Writing = { cycleId: number } & (
  { kind: 'self' } | { kind: 'manager' | 'peer'; personId: number }
);
const writePath = (w: Writing) =>
  w.kind === 'self'
    ? `/org/cycles/${w.cycleId}/self`
    : `/org/cycles/${w.cycleId}/people/${w.personId}/${w.kind}`;
export const useWriteAssessment = () =>
  useWrite(({ where, body }: { where: Writing; body: WriteAssessment }) =>
    put<ReviewAssessment>(writePath(where), body),
  );
export const useAskPeers = () =>
  useWrite(
    ({
      cycleId,
      personId,
      ...body
    }: {
      cycleId: number;
      personId: number;
      peers: number[];
      competencies: string[];
    }) => post(`/org/cycles/${cycleId}/people/${personId}/peers`, body),
  );
export const useAdjust = () =>
  useWrite(
    ({
      cycleId,
      personId,
      ...body
    }: {
      cycleId: number;
      personId: number;
      outcome: Outcome;
      reason: string;
    }) => post(`/org/cycles/${cycleId}/people/${personId}/adjust`, body),
  );

export const useNominate = () =>
  useWrite((body: { personId: number; targetLevel: string; summary?: string }) =>
    post<PromotionCase>('/org/cases', body),
  );
/** A step of a case: its committee, a vote, the decision, the appeal. */
export const useCaseStep = <B extends object>(step: 'committee' | 'votes' | 'decision' | 'appeal') =>
  useWrite(({ id, body }: { id: number; body: B }) => post(`/org/cases/${id}/${step}`, body));

/** The signed-in account's person in the directory (by email), and its roles. */
export function useMe() {
  const session = useSession();
  const directory = useDirectory();
  const account = session.data?.account ?? null;
  const me = account ? directory.data?.find((p) => p.email === account.email) : undefined;
  return {
    isPending: session.isPending || directory.isPending,
    error: session.error ?? directory.error,
    account,
    me,
    people: directory.data ?? [],
  };
}
