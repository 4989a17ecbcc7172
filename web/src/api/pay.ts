import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PayGapReport } from '../../../src/core/pay/gap.js';
import type { BandHealth } from '../../../src/core/pay/health.js';
import type { WorkerInformation } from '../../../src/core/pay/worker.js';
import { get, post } from './client.js';

export type { BandHealth, PayGapReport };

/** Band health as GET /api/org/reports/bands answers it: pay in minor units, for one period. */
export type BandHealthReport = BandHealth & { period: string; currency: string };

/** A worker's information as the route answers it: amounts in major units. */
export type PayInformation = Omit<WorkerInformation, 'own' | 'average'> & {
  own: { base: number; variable: number; fte: number; pay: number };
  average: { women: number | null; men: number | null };
};

/** Band health for a period; without one, the latest period with pay, which it names. */
export function useBandHealth(period: string | undefined) {
  const search = period ? `?${new URLSearchParams({ period })}` : '';
  return useQuery({
    queryKey: ['org', 'report', 'bands', search],
    queryFn: () => get<BandHealthReport>(`/org/reports/bands${search}`),
  });
}

/** The periods with pay recorded, oldest first (GET /api/org/pay/periods). */
export function usePayPeriods() {
  return useQuery({
    queryKey: ['org', 'pay', 'periods'],
    queryFn: () => get<{ periods: string[] }>('/org/pay/periods'),
  });
}

/** The pay-gap report for a period (GET /api/org/reports/pay-gap), the CLI's `--json`. */
export function usePayGap(period: string | undefined) {
  return useQuery({
    queryKey: ['org', 'report', 'pay-gap', period],
    queryFn: () => get<PayGapReport>(`/org/reports/pay-gap?${new URLSearchParams({ period: period! })}`),
    enabled: Boolean(period),
  });
}

/** hr's justification of a flagged category; the report is read again to show it. */
export function useJustify() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: string; category: string; reason: string }) =>
      post<{ recorded: boolean }>('/org/pay/justifications', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['org', 'report', 'pay-gap'] }),
  });
}

/** A person's pay information (Article 7) for a period. */
export function usePayInformation(personId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['org', 'pay', 'information', personId, period],
    queryFn: () =>
      get<PayInformation>(
        `/org/pay/people/${personId}/information?${new URLSearchParams({ period: period! })}`,
      ),
    enabled: personId !== undefined && Boolean(period),
  });
}

/** The criteria for pay and progression (Article 6), as Markdown. */
export function usePayCriteria() {
  return useQuery({
    queryKey: ['org', 'pay', 'criteria'],
    queryFn: () => get<{ markdown: string }>('/org/pay/criteria'),
  });
}

/** A person's own pay rows, period by period (amounts in major units). */
export function usePersonPay(personId: number | undefined) {
  return useQuery({
    queryKey: ['org', 'pay', 'person', personId],
    queryFn: () =>
      get<{ items: { period: string; currency: string; base: number; variable: number; fte: number }[] }>(
        `/org/pay/people/${personId}`,
      ),
    enabled: personId !== undefined,
  });
}
