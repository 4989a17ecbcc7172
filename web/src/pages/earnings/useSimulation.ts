import { useEffect, useMemo, useRef, useState } from 'react';
import type { EarningsInput } from '../../../../src/core/comp/earnings.js';
import type { SimulationAnswer, SimulationRequest } from './simulate.worker.js';

type Report = Extract<SimulationAnswer, { report: unknown }>['report'];

/** Numbers the requests of every simulation in the page, so that a late answer is known as such. */
let requests = 0;

/**
 * The earnings report for an input, simulated in a Web Worker so the page never blocks. At most one
 * simulation runs at a time and only the latest input waits behind it: typing fast skips the inputs
 * in between instead of queueing a second of work per keystroke. The last report stays shown while
 * the next one runs (`running`).
 */
export function useSimulation(input: EarningsInput | null): { report: Report | null; running: boolean } {
  const request = useMemo<SimulationRequest | null>(
    () => (input ? { id: ++requests, input } : null),
    [input],
  );
  const [done, setDone] = useState<{ id: number; report: Report | null } | null>(null);
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const waiting = useRef<SimulationRequest | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const w = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = ({ data }: MessageEvent<SimulationAnswer>) => {
      busy.current = false;
      const next = waiting.current;
      waiting.current = null;
      if (next) {
        busy.current = true;
        w.postMessage(next);
      }
      if (data.id === latest.current) setDone({ id: data.id, report: 'report' in data ? data.report : null });
    };
    return () => {
      w.terminate();
      worker.current = null;
      busy.current = false;
      waiting.current = null;
    };
  }, []);

  useEffect(() => {
    if (!request) return;
    latest.current = request.id;
    if (busy.current) waiting.current = request;
    else if (worker.current) {
      busy.current = true;
      worker.current.postMessage(request);
    }
  }, [request]);

  if (!request) return { report: null, running: false };
  return { report: done?.report ?? null, running: done?.id !== request.id };
}
