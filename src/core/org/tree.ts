import type { Status } from './person.js';

/**
 * The reporting tree of one organisation: each person has at most one manager, who is a person of
 * the same organisation, never themselves, and following managers upwards always ends. A person who
 * has left manages nobody active: their reports are moved to another manager first (in the same
 * import or edit), so that no one reports to an empty desk. Checked on every change to the people,
 * over the whole organisation as it would be after the change.
 */

export interface TreeNode {
  email: string;
  managerEmail?: string | undefined;
  status: Status;
}

export interface TreeIssue {
  /** The person whose record is wrong. */
  email: string;
  /** The field to change: their manager, or their status (a leaver with active reports). */
  field: 'managerEmail' | 'status';
  code: 'self-managed' | 'unknown-manager' | 'reporting-cycle' | 'leaver-with-reports';
  message: string;
}

export function checkTree(people: readonly TreeNode[]): TreeIssue[] {
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const issues: TreeIssue[] = [];
  for (const person of people) {
    const manager = person.managerEmail;
    if (manager === undefined) continue;
    if (manager === person.email)
      issues.push({
        email: person.email,
        field: 'managerEmail',
        code: 'self-managed',
        message: 'a person cannot manage themselves',
      });
    else if (!byEmail.has(manager))
      issues.push({
        email: person.email,
        field: 'managerEmail',
        code: 'unknown-manager',
        message: `${manager} is not a person of the organisation`,
      });
    else if (person.status === 'active' && byEmail.get(manager)!.status === 'left') {
      issues.push({
        email: manager,
        field: 'status',
        code: 'leaver-with-reports',
        message: `${manager} has left but ${person.email} still reports to them: move their reports to another manager first`,
      });
    }
  }
  for (const cycle of cyclesOf(byEmail))
    for (const email of cycle)
      issues.push({
        email,
        field: 'managerEmail',
        code: 'reporting-cycle',
        message: `the reporting line loops: ${[...rotate(cycle, email), email].join(' → ')}`,
      });
  return issues;
}

/** Every loop of managers, each once, found by walking up from each person and colouring the way. */
function cyclesOf(byEmail: ReadonlyMap<string, TreeNode>): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of byEmail.keys()) {
    const walk: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && byEmail.has(current) && state.get(current) === undefined) {
      state.set(current, 'walking');
      walk.push(current);
      const next: string | undefined = byEmail.get(current)!.managerEmail;
      current = next === current ? undefined : next;
    }
    if (current !== undefined && state.get(current) === 'walking')
      cycles.push(walk.slice(walk.indexOf(current)));
    for (const email of walk) state.set(email, 'done');
  }
  return cycles;
}

const rotate = (cycle: string[], first: string) => {
  const at = cycle.indexOf(first);
  return [...cycle.slice(at), ...cycle.slice(0, at)];
};

/** Everyone below `email` in the tree (their reports, their reports' reports …), not themselves. */
export function subtreeOf(people: readonly TreeNode[], email: string): Set<string> {
  const reports = new Map<string, string[]>();
  for (const p of people)
    if (p.managerEmail !== undefined)
      reports.set(p.managerEmail, [...(reports.get(p.managerEmail) ?? []), p.email]);
  const below = new Set<string>();
  const stack = [...(reports.get(email) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === email || below.has(next)) continue;
    below.add(next);
    stack.push(...(reports.get(next) ?? []));
  }
  return below;
}
