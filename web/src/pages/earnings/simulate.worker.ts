// Simulates careers off the page's thread: at the largest number of runs a simulation takes about a
// second, and typing must never wait for it (see useSimulation.ts).
import { simulateEarnings, type EarningsInput } from '../../../../src/core/comp/earnings.js';

export interface SimulationRequest {
  id: number;
  input: EarningsInput;
}

export type SimulationAnswer =
  { id: number; report: ReturnType<typeof simulateEarnings> } | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage: (answer: SimulationAnswer) => void;
};

scope.onmessage = ({ data: { id, input } }) => {
  try {
    scope.postMessage({ id, report: simulate(input) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

/** Careers walk the framework's market pay when it has some; a salary alone when that ladder fails. */
function simulate(input: EarningsInput) {
  if (input.ladder === undefined) return simulateEarnings(input);
  try {
    return simulateEarnings(input);
  } catch {
    const { ladder: _ladder, ...alone } = input;
    return simulateEarnings(alone);
  }
}
