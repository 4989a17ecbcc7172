import { useQuery } from '@tanstack/react-query';
import type { StructureReport } from '../../../src/core/org/structure.js';
import { get } from './client.js';

export type { StructureReport };

/** The structure report (GET /api/org/reports/structure), promotions over the window given. */
export function useStructure(window: { since?: string | undefined; until?: string | undefined }) {
  const params = new URLSearchParams();
  if (window.since) params.set('since', window.since);
  if (window.until) params.set('until', window.until);
  const search = params.size > 0 ? `?${params}` : '';
  return useQuery({
    queryKey: ['org', 'report', 'structure', search],
    queryFn: () => get<StructureReport>(`/org/reports/structure${search}`),
  });
}
