import { findNode, notFound } from '../framework/lookup.js';
import type { LatticeMove } from '../framework/moves.js';
import { companyKinds, type Framework } from '../framework/schema.js';

/**
 * A position: a level or role with an optional specialisation and company kind, written
 * `LEVEL[:SPECIALISATION][@COMPANY]` (`senior:backend@big-company`). Null where not given.
 */
export interface Position {
  level: string;
  specialisation: string | null;
  company: string | null;
}

/** Reads `LEVEL[:SPECIALISATION][@COMPANY]`, checking every part against the framework. */
export function parsePosition(framework: Framework, text: string): Position {
  const at = text.indexOf('@');
  const company = at === -1 ? null : text.slice(at + 1);
  const rest = at === -1 ? text : text.slice(0, at);
  const colon = rest.indexOf(':');
  const specialisation = colon === -1 ? null : rest.slice(colon + 1);
  const level = findNode(framework, colon === -1 ? rest : rest.slice(0, colon)).id;
  if (specialisation !== null && !framework.specialisations.some((s) => s.id === specialisation))
    throw notFound(
      `specialisation in "${text}"`,
      specialisation,
      framework.specialisations.map((s) => s.id),
    );
  if (company !== null && !(companyKinds as readonly string[]).includes(company))
    throw notFound(`company kind in "${text}"`, company, [...companyKinds]);
  return { level, specialisation, company };
}

export function positionText(position: Position): string {
  return `${position.level}${position.specialisation ? `:${position.specialisation}` : ''}${position.company ? `@${position.company}` : ''}`;
}

/**
 * Where a move leaves someone at `from`, or null when the move needs another specialisation or
 * company kind than the one held. A qualifier not given is taken to be whatever the move needs.
 */
export function moveFrom(
  from: Pick<Position, 'specialisation' | 'company'>,
  move: LatticeMove,
): { specialisation: string | null; company: string | null } | null {
  if (move.fromSpecialisation && from.specialisation && from.specialisation !== move.fromSpecialisation)
    return null;
  if (move.fromCompany && from.company && from.company !== move.fromCompany) return null;
  return {
    specialisation: move.toSpecialisation ?? from.specialisation,
    company: move.toCompany ?? from.company,
  };
}

/** Whether `at` is the position asked for: the same level, and the qualifiers the target names. */
export function reaches(at: Position, target: Position): boolean {
  return (
    at.level === target.level &&
    (target.specialisation === null || at.specialisation === target.specialisation) &&
    (target.company === null || at.company === target.company)
  );
}
