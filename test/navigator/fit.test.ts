import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askAll } from '../../src/cli/fit.js';
import { parseAnswersFile } from '../../src/core/fit/answers.js';
import { LEAN_THRESHOLD, scoreFit, type Answers } from '../../src/core/fit/fit.js';
import { beliefQuestions, preferenceQuestions, questions } from '../../src/core/fit/questions.js';
import { describeProblem, DomainError } from '../../src/core/problems.js';
import { binary, trellis, writeTemp } from '../helpers/cli.js';

/** Every question at `neutral`, then the given answers on top. */
function answersWith(overrides: Answers, neutral = 3): Answers {
  return { ...Object.fromEntries(questions.map((q) => [q.id, neutral])), ...overrides };
}

// An engineer who loves hard problems and code and dislikes a meeting-heavy day; believes managers earn more.
const icEngineer: Answers = {
  'hard-problems': 5,
  'own-expertise': 5,
  'direct-impact': 4,
  autonomy: 4,
  craft: 5,
  'growing-others': 3,
  'people-problems': 2,
  multiply: 2,
  'team-strategy': 2,
  ambiguity: 3,
  calendar: 1,
  'code-daily': 5,
  status: 2,
  money: 4,
  'one-way-door': 2,
};

// Every management statement agreed with (4), every IC statement disagreed with (2); sees management as the step up.
const managerAtHeart: Answers = answersWith({
  ...Object.fromEntries(preferenceQuestions.map((q) => [q.id, q.leans === 'management' ? 4 : 2])),
  status: 5,
  money: 2,
  'one-way-door': 1,
});

const answersFile = (answers: Answers) => JSON.stringify({ answers });
const answersYaml = (answers: Answers) =>
  `answers:\n${Object.entries(answers)
    .map(([id, a]) => `  ${id}: ${a}`)
    .join('\n')}\n`;

describe('fit scoring scenarios', () => {
  it('a clear IC lean: the mean pull is -15/12 = -1.25, and every reason points to IC', () => {
    const result = scoreFit(icEngineer);
    expect(result.lean).toBe('ic');
    expect(result.score).toBe(-1.25);
    expect(result.reasons.map((r) => r.question)).toEqual([
      // the strongest pulls first (strength 2), in questionnaire order, then strength 1
      'hard-problems',
      'own-expertise',
      'craft',
      'calendar',
      'code-daily',
      'direct-impact',
      'autonomy',
      'people-problems',
      'multiply',
      'team-strategy',
    ]);
    expect(result.reasons.every((r) => r.towards === 'ic')).toBe(true);
    // Only the money belief is held (4); the other two are answered 2.
    expect(result.misconceptions.map((m) => m.id)).toEqual(['managers-earn-more']);
    expect(result.misconceptions[0]?.correction).toContain('$400k to $800k');
    // Leaning IC: only the two experiments that also grow a staff-plus engineer; mentoring tests
    // growing-others (3), leading tests multiply, people-problems, ambiguity (mean 7/3), so mentoring first.
    expect(result.experiments.map((e) => e.id)).toEqual(['mentor-junior', 'lead-without-authority']);
  });

  it('a clear management lean: +1 from every question, score 1', () => {
    const result = scoreFit(managerAtHeart);
    expect(result.lean).toBe('management');
    expect(result.score).toBe(1);
    expect(result.reasons).toHaveLength(preferenceQuestions.length);
    expect(result.reasons.every((r) => r.towards === 'management' && r.strength === 1)).toBe(true);
    expect(result.misconceptions.map((m) => m.id)).toEqual(['management-is-a-promotion']);
    // Status belief held: the experiments that show the job as it is come first (relevance 4 + 2 each;
    // acting tests five answers of 4, shadowing two), then leading (4) and mentoring (4) in the seed's order.
    expect(result.experiments.map((e) => e.id)).toEqual([
      'shadow-manager',
      'acting-manager',
      'lead-without-authority',
      'mentor-junior',
    ]);
    expect(result.experiments[0]?.why).toContain('perceived status');
  });

  it('undecided when every answer is neutral: score 0, no reasons, and the reminder that a switch can be undone', () => {
    const result = scoreFit(answersWith({}));
    expect(result).toMatchObject({ lean: 'undecided', score: 0, reasons: [] });
    expect(result.misconceptions.map((m) => m.id)).toEqual(['no-way-back']);
    expect(result.experiments).toHaveLength(4);
  });

  it('undecided when agreeing strongly with everything: the pulls cancel, and the strongest each way are named', () => {
    const result = scoreFit(answersWith({ status: 1, money: 1, 'one-way-door': 1 }, 5));
    expect(result.lean).toBe('undecided');
    expect(result.score).toBe(0);
    expect(result.reasons.map((r) => [r.question, r.towards])).toEqual([
      ['growing-others', 'management'],
      ['people-problems', 'management'],
      ['hard-problems', 'ic'],
      ['own-expertise', 'ic'],
    ]);
  });

  it('the threshold is exclusive: a score of exactly 0.5 is undecided, 7/12 leans management', () => {
    const management = preferenceQuestions.filter((q) => q.leans === 'management').map((q) => q.id);
    const six = Object.fromEntries(management.slice(0, 6).map((id) => [id, 4]));
    expect(scoreFit(answersWith(six))).toMatchObject({ score: 0.5, lean: 'undecided' });
    expect(scoreFit(answersWith({ ...six, 'code-daily': 2 }))).toMatchObject({
      score: 0.58,
      lean: 'management',
    });
    expect(LEAN_THRESHOLD).toBe(0.5);
  });

  it('belief questions do not move the score', () => {
    const base = scoreFit(answersWith({}));
    const believer = scoreFit(answersWith({ status: 5, money: 5, 'one-way-door': 5 }));
    expect(believer.score).toBe(base.score);
    expect(believer.misconceptions.map((m) => m.id)).toEqual([
      'management-is-a-promotion',
      'no-way-back',
      'managers-earn-more',
    ]);
  });

  it('the questionnaire is balanced: as many scored questions lean each way, ids are unique', () => {
    const lean = (t: string) => preferenceQuestions.filter((q) => q.leans === t).length;
    expect(lean('ic')).toBe(lean('management'));
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(beliefQuestions.map((q) => q.misconception).sort()).toEqual([
      'management-is-a-promotion',
      'managers-earn-more',
      'no-way-back',
    ]);
  });
});

const answersArbitrary = fc.record(
  Object.fromEntries(questions.map((q) => [q.id, fc.integer({ min: 1, max: 5 })])) as Record<
    string,
    fc.Arbitrary<number>
  >,
);

describe('fit scoring properties', () => {
  it('raising an answer to a management question never moves the score towards IC, and vice versa', () => {
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom(...preferenceQuestions), (answers, question) => {
        fc.pre((answers[question.id] ?? 0) < 5);
        const before = scoreFit(answers).score;
        const after = scoreFit({ ...answers, [question.id]: (answers[question.id] ?? 0) + 1 }).score;
        if (question.leans === 'management') expect(after).toBeGreaterThan(before);
        else expect(after).toBeLessThan(before);
      }),
    );
  });

  it('the score stays in [-2, 2], the lean follows the threshold, and every reason of a lean points its way', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = scoreFit(answers);
        expect(Math.abs(result.score)).toBeLessThanOrEqual(2);
        const expected =
          result.score > LEAN_THRESHOLD ? 'management' : result.score < -LEAN_THRESHOLD ? 'ic' : 'undecided';
        expect(result.lean).toBe(expected);
        if (result.lean !== 'undecided') {
          expect(result.reasons.length).toBeGreaterThan(0);
          expect(result.reasons.every((r) => r.towards === result.lean)).toBe(true);
        }
        expect(new Set(result.experiments.map((e) => e.id)).size).toBe(result.experiments.length);
      }),
    );
  });
});

describe('answers file', () => {
  it('reports every problem at once, located: unknown question, answer 6, a fraction, missing answers', () => {
    const text = 'answers:\n  hard-problem: 6\n  craft: 2.5\n';
    try {
      parseAnswersFile(text, 'a.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const problems = (error as DomainError).problems.map((p) => `${p.line}:${p.col} ${describeProblem(p)}`);
      expect(problems).toContain(
        '2:3 answers.hard-problem: unknown question "hard-problem" (did you mean "hard-problems"?)',
      );
      expect(problems).toContain('2:17 answers.hard-problem: must be at most 5, got 6');
      expect(problems).toContain('3:10 answers.craft: must be a whole number from 1 to 5, got 2.5');
      expect(problems.find((p) => p.includes('no answer for'))).toContain('"hard-problems", "own-expertise"');
    }
  });
});

describe('interactive questions', () => {
  it('re-asks until an answer is a whole number from 1 to 5', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const asked = preferenceQuestions.slice(0, 2);
    input.end('6\nabc\n4\n  2 \n');
    const answers = await askAll(asked, input, output);
    expect(answers).toEqual({ [asked[0]!.id]: 4, [asked[1]!.id]: 2 });
    expect(shown.match(/please answer with a whole number from 1 to 5/g)).toHaveLength(2);
    expect(shown).toContain(`2/2. ${asked[1]!.text}`);
  });

  it('ending the input early is a usage error, not a half-scored questionnaire', async () => {
    const input = new PassThrough();
    input.end('4\n');
    await expect(askAll(preferenceQuestions.slice(0, 3), input, new PassThrough())).rejects.toMatchObject({
      code: 'usage',
    });
  });
});

describe('trellis fit', () => {
  it('--questions --json lists every question as exactly {id, text, leans}', () => {
    const r = trellis(['fit', '--questions', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['questions']);
    expect(out.questions).toHaveLength(questions.length);
    for (const q of out.questions) {
      expect(Object.keys(q)).toEqual(['id', 'text', 'leans']);
      expect(['ic', 'management']).toContain(q.leans);
    }
  });

  it('--answers FILE --json gives exactly lean, score, reasons, misconceptions, experiments', () => {
    const r = trellis(['fit', '--answers', writeTemp('answers.json', answersFile(icEngineer)), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['lean', 'score', 'reasons', 'misconceptions', 'experiments']);
    expect(out).toMatchObject({ lean: 'ic', score: -1.25 });
    expect(out.reasons[0]).toEqual({
      question: 'hard-problems',
      answer: 5,
      towards: 'ic',
      strength: 2,
      text: expect.stringContaining('Cracking a hard technical problem'),
    });
  });

  it('reads YAML answers and prints a readable verdict', () => {
    const r = trellis(['fit', '--answers', writeTemp('answers.yaml', answersYaml(managerAtHeart))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('You lean towards the management track.');
    expect(r.stdout).toContain('Try before you commit:');
  });

  it('an answer of 6 exits 1 with FILE:LINE:COL and no stack trace', () => {
    // answers: on line 1, then one answer a line: autonomy is line 5, its value at column 13.
    const file = writeTemp('answers.yaml', answersYaml({ ...icEngineer, autonomy: 6 }));
    const r = trellis(['fit', '--answers', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${file}:5:13: answers.autonomy: must be at most 5, got 6`);
    expect(r.stdout).toBe('');
  });

  it('without a terminal and without --answers: usage error, exit 2, with the way out', () => {
    const r = trellis(['fit'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--answers FILE');
  });

  it('a missing answers file is a usage error', () => {
    const r = trellis(['fit', '--answers', 'no/such/answers.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read no/such/answers.yaml: no such file');
  });
});

// `script` gives the command a real terminal, so the interactive path runs as a person would use it.
const hasScript = existsSync('/usr/bin/script');
describe.runIf(hasScript)('trellis fit in a terminal', () => {
  it('asks every question, re-asks after a bad answer, then prints the verdict', () => {
    const typed = ['9', ...questions.map(() => '3')].join('\n') + '\n';
    const result = spawnSync(
      '/usr/bin/script',
      ['-qec', `${process.execPath} ${binary} fit --json`, '/dev/null'],
      {
        input: typed,
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('please answer with a whole number from 1 to 5');
    expect(result.stdout).toContain(`${questions.length}/${questions.length}. `);
    const json = result.stdout.slice(result.stdout.lastIndexOf('\n{') + 1).replace(/\r/g, '');
    expect(JSON.parse(json)).toMatchObject({ lean: 'undecided', score: 0 });
  });
});
