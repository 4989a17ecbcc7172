import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportFormat, ImportNote } from '../../../../src/core/framework/import/index.js';
import type { FidelityReport } from '../../../../src/core/framework/import/fidelity.js';
import type { StoredFramework } from '../../../../src/store/entities.js';
import { get, getAll, post, put } from '../../api/client.js';

export type FrameworkRow = Omit<StoredFramework, 'source'>;

/** What `POST /api/frameworks/import` answers. */
export interface ImportAnswer {
  framework: { id: string; name: string; version: string; levels: number; tracks: string[]; competencies: number };
  notes: ImportNote[];
  fidelity?: FidelityReport;
  used: string[];
  yaml: string;
  stored?: FrameworkRow;
}

/** The stored frameworks and the id of the one in use. */
export function useStoredFrameworks() {
  return useQuery({
    queryKey: ['frameworks'],
    queryFn: async () => {
      const [frameworks, first] = await Promise.all([
        getAll<FrameworkRow>('/frameworks', 'frameworks'),
        get<{ active: number }>('/frameworks?limit=1'),
      ]);
      return { frameworks, active: first.active };
    },
  });
}

/** After a switch or an import, every page computes on the framework now in use. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['frameworks'] }),
      client.invalidateQueries({ queryKey: ['framework'] }),
    ]);
}

export function useUseFramework() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number | null) => put<FrameworkRow>('/frameworks/active', { id }),
    onSuccess: refresh,
  });
}

export function useImportFramework() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ format, files, store }: { format: ImportFormat; files: File[]; store: boolean }) =>
      post<ImportAnswer>('/frameworks/import', {
        format,
        files: await Promise.all(files.map(async (f) => ({ name: f.name, data: base64(await f.arrayBuffer()) }))),
        store,
      }),
    onSuccess: (answer) => (answer.stored ? refresh() : undefined),
  });
}

/** A file's bytes as base64, a slice at a time (one call per byte would overflow the stack). */
function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
