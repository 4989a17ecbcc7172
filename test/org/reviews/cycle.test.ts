import { describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../../src/core/framework/load.js';
import { validateValue } from '../../../src/core/input/value.js';
import { DomainError } from '../../../src/core/problems.js';
import { checkRatings, type ReviewAssessment } from '../../../src/core/org/reviews/assessment.js';
import { selfVsManager } from '../../../src/core/org/reviews/compare.js';
import {
  assertOpen,
  inScope,
  openCycleSchema,
  scopeOf,
  type Cycle,
} from '../../../src/core/org/reviews/cycle.js';
import { todoFor, type TodoPerson } from '../../../src/core/org/reviews/todo.js';
import { reference } from '../../helpers/org.js';

const framework = loadFrameworkOrThrow(reference.source, reference.file);
const all = (n: number) => Object.fromEntries(framework.competencies.map((c) => [c.id, { rating: n }]));

const cycle = (more: Partial<Cycle> = {}): Cycle => ({
  id: 1,
  name: '2026 H2',
  frameworkVersionId: 1,
  frameworkVersion: 1,
  scope: { kind: 'everyone' },
  selfDue: '2026-12-10',
  managerDue: '2026-12-20',
  status: 'open',
  openedAt: '2026-12-01T00:00:00.000Z',
  closedAt: null,
  ...more,
});

const assessment = (more: Partial<ReviewAssessment>): ReviewAssessment => ({
  id: 1,
  cycleId: 1,
  personId: 3,
  kind: 'self',
  authorPersonId: 3,
  ratings: all(3),
  status: 'submitted',
  updatedAt: '2026-12-02T00:00:00.000Z',
  submittedAt: '2026-12-02T00:00:00.000Z',
  ...more,
});

describe('opening a cycle', () => {
  it('checks its fields, each at its path', () => {
    const error = (() => {
      try {
        validateValue(
          openCycleSchema,
          { name: ' ', teams: ['Core'], levels: ['senior'], selfDue: '2026-12-10', managerDue: '2026-12-01' },
          'cycle',
        );
      } catch (e) {
        return e as DomainError;
      }
    })()!;
    expect(error.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['name', 'must not be empty'],
      ['levels', 'a cycle is scoped by teams or by levels, not both'],
      ['managerDue', 'is before the self deadline'],
    ]);
  });

  it('takes active people of its teams or levels', () => {
    const teams = cycle({ scope: scopeOf({ teams: ['Core'] }) });
    expect(inScope(teams, { status: 'active', team: 'Core', level: 'mid' })).toBe(true);
    expect(inScope(teams, { status: 'active', team: 'Web', level: 'mid' })).toBe(false);
    expect(inScope(teams, { status: 'left', team: 'Core', level: 'mid' })).toBe(false);
    const levels = cycle({ scope: scopeOf({ levels: ['senior'] }) });
    expect(inScope(levels, { status: 'active', level: 'senior' })).toBe(true);
    expect(inScope(levels, { status: 'active', team: 'Core', level: 'mid' })).toBe(false);
  });

  it('is frozen once closed', () => {
    expect(() => assertOpen(cycle({ status: 'closed', closedAt: '2026-12-21T09:00:00.000Z' }))).toThrow(
      'cycle "2026 H2" was closed on 2026-12-21 and is frozen: nothing of it can change',
    );
  });
});

describe('ratings of an assessment', () => {
  it('names unknown competencies, off-scale ratings and competencies a peer was not asked about', () => {
    try {
      checkRatings(framework, { debugging: { rating: 9 }, typing: { rating: 3 }, delivery: { rating: 3 } }, [
        'debugging',
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).problems.map((p) => [p.path.join('.'), p.code])).toEqual([
        ['ratings.debugging', 'rating-off-scale'],
        ['ratings.typing', 'unknown-reference'],
        ['ratings.delivery', 'not-requested'],
      ]);
    }
  });
});

describe('self vs manager', () => {
  it('marks the differences and gives each side the navigator’s verdict', () => {
    const self = assessment({
      ratings: { ...all(4), debugging: { rating: 4, comment: 'ran the incident review' } },
    });
    const manager = assessment({
      id: 2,
      kind: 'manager',
      authorPersonId: 2,
      ratings: { ...all(3), debugging: { rating: 4 } },
    });
    const compared = selfVsManager(framework, 'senior', self, manager);
    expect(compared.summary).toEqual({ higher: 0, lower: 14, same: 1, unrated: 0 });
    const debugging = compared.competencies.find((c) => c.competency === 'debugging')!;
    expect(debugging).toMatchObject({
      self: 4,
      manager: 4,
      delta: 0,
      differs: false,
      selfComment: 'ran the incident review',
    });
    expect(compared.competencies.find((c) => c.competency === 'delivery')).toMatchObject({
      self: 4,
      manager: 3,
      delta: -1,
      differs: true,
    });
    expect(compared.self).toMatchObject({ holdsHeld: true, readyFor: ['staff'], belowHeld: false });
    expect(compared.manager).toMatchObject({ holdsHeld: true, readyFor: [], belowHeld: false });
    expect(compared.manager!.explanation).toMatch(/^Meets Senior engineer/);
  });
});

describe('the to-do list', () => {
  const people: TodoPerson[] = [
    { id: 1, name: 'Ana', email: 'ana@acme.test', status: 'active', level: 'director' },
    {
      id: 2,
      name: 'Ben',
      email: 'ben@acme.test',
      status: 'active',
      level: 'em',
      managerEmail: 'ana@acme.test',
    },
    {
      id: 3,
      name: 'Cy',
      email: 'cy@acme.test',
      status: 'active',
      level: 'senior',
      managerEmail: 'ben@acme.test',
    },
    {
      id: 4,
      name: 'Dee',
      email: 'dee@acme.test',
      status: 'active',
      level: 'senior',
      managerEmail: 'ben@acme.test',
    },
  ];
  const ben = people[1]!;

  it('lists my self step, my direct reports not yet assessed, and peer requests unanswered', () => {
    const items = todoFor(
      ben,
      people,
      [cycle(), cycle({ id: 2, name: 'old', status: 'closed' })],
      [
        assessment({ personId: 3, kind: 'manager', authorPersonId: 2, status: 'submitted' }),
        assessment({ personId: 4, kind: 'manager', authorPersonId: 2, status: 'draft' }),
      ],
      [
        {
          id: 7,
          cycleId: 1,
          personId: 1,
          peerId: 2,
          requestedById: 1,
          competencies: ['strategy'],
          answered: false,
        },
      ],
      '2026-12-15',
    );
    expect(items.map((i) => [i.kind, i.person, i.due, i.overdue, i.started])).toEqual([
      ['self', 'Ben', '2026-12-10', true, false],
      ['peer', 'Ana', '2026-12-20', false, false],
      ['manager', 'Dee', '2026-12-20', false, true],
    ]);
    expect(items[1]!.request).toEqual({ id: 7, competencies: ['strategy'] });
  });
});
