import { didYouMean } from '../input/suggest.js';
import { DomainError } from '../problems.js';
import type { Competency, Framework, Level, Role } from './schema.js';

/** A level or lateral role: the nodes of the lattice. */
export type Node = ({ kind: 'level' } & Level) | ({ kind: 'role' } & Role);

export function findLevel(framework: Framework, id: string): Level {
  const level = framework.levels.find((l) => l.id === id);
  if (level) return level;
  const role = framework.roles.find((r) => r.id === id);
  if (role)
    throw new DomainError(
      'not-found',
      `"${id}" is a lateral role (${role.title}), not a level of a ladder track`,
    );
  throw notFound(
    'level',
    id,
    framework.levels.map((l) => l.id),
  );
}

export function findNode(framework: Framework, id: string): Node {
  const level = framework.levels.find((l) => l.id === id);
  if (level) return { kind: 'level', ...level };
  const role = framework.roles.find((r) => r.id === id);
  if (role) return { kind: 'role', ...role };
  throw notFound('level or role', id, [
    ...framework.levels.map((l) => l.id),
    ...framework.roles.map((r) => r.id),
  ]);
}

export function findCompetency(framework: Framework, id: string): Competency {
  const competency = framework.competencies.find((c) => c.id === id);
  if (!competency)
    throw notFound(
      'competency',
      id,
      framework.competencies.map((c) => c.id),
    );
  return competency;
}

/** An unknown id, with the closest known one and the full list so the user can pick. */
export function notFound(what: string, id: string, known: string[]): DomainError {
  return new DomainError(
    'not-found',
    `unknown ${what} "${id}"${didYouMean(id, known)}; known: ${known.join(', ')}`,
  );
}
