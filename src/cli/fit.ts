import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { parseAnswersFile, readAnswer } from '../core/fit/answers.js';
import { LEAN_THRESHOLD, scoreFit, type Answers, type FitResult } from '../core/fit/fit.js';
import { ANSWER_MAX, ANSWER_MIN, answerLabels, questions, type Question } from '../core/fit/questions.js';
import { DomainError } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { print, printJson } from './output.js';
import { wrap } from './format.js';

const REASONS_SHOWN = 5;
export function registerFitCommands(program: Command): void {
  program
    .command('fit')
    .description('IC or manager? A short questionnaire that says which way you lean, and what to try next')
    .option('--questions', 'print the questions instead of asking them')
    .option(
      '--answers <file>',
      'read the answers from a file: answers: { <question id>: 1..5 } (YAML or JSON)',
    )
    .option('--json', 'machine-readable output')
    .action(async (options: { questions?: boolean; answers?: string; json?: boolean }) => {
      if (options.questions) {
        if (options.json)
          printJson({ questions: questions.map(({ id, text, leans }) => ({ id, text, leans })) });
        else
          print(
            questions
              .map((q, i) => `${i + 1}. ${q.id} (leans ${q.leans})\n${wrap(q.text, 88, '   ')}`)
              .join('\n'),
          );
        return;
      }
      let answers: Answers;
      if (options.answers !== undefined) {
        answers = parseAnswersFile(readTextFile(options.answers), options.answers);
      } else if (process.stdin.isTTY) {
        // Prompts go to stderr so that `--json` output on stdout stays clean.
        answers = await askAll(questions, process.stdin, process.stderr, true);
      } else {
        throw new DomainError(
          'usage',
          'stdin is not a terminal, so the questions cannot be asked; answer them in a file and pass --answers FILE (list them with: trellis fit --questions --json)',
        );
      }
      const result = scoreFit(answers);
      if (options.json) {
        const { lean, score, reasons, misconceptions, experiments } = result;
        printJson({ lean, score, reasons, misconceptions, experiments });
      } else print(renderFit(result));
    });
}

/**
 * Asks every question on `output`, reading answers line by line from `input`; an answer that is
 * not a whole number from 1 to 5 is refused and the question asked again. Ending the input early
 * is a usage error, not a half-scored questionnaire.
 */
export async function askAll(
  list: readonly Question[],
  input: Readable,
  output: Writable,
  terminal = false,
): Promise<Answers> {
  const rl = createInterface({ input, output, terminal });
  const lines = rl[Symbol.asyncIterator]();
  const scale = Object.entries(answerLabels)
    .map(([value, label]) => `${value} ${label}`)
    .join(', ');
  output.write(`Answer each statement from ${ANSWER_MIN} to ${ANSWER_MAX}: ${scale}.\n`);
  const answers: Answers = {};
  try {
    for (const [index, question] of list.entries()) {
      output.write(`\n${index + 1}/${list.length}. ${question.text}\n`);
      for (;;) {
        output.write(`Your answer (${ANSWER_MIN}-${ANSWER_MAX}): `);
        const next = await lines.next();
        if (next.done === true)
          throw new DomainError('usage', 'the input ended before every question was answered');
        const read = readAnswer(String(next.value));
        if ('answer' in read) {
          answers[question.id] = read.answer;
          break;
        }
        output.write(`${read.error}\n`);
      }
    }
  } finally {
    rl.close();
  }
  output.write('\n');
  return answers;
}

function renderFit(result: FitResult): string {
  const leanText =
    result.lean === 'ic'
      ? 'the individual-contributor track'
      : result.lean === 'management'
        ? 'the management track'
        : 'neither track yet (undecided)';
  const out = [
    `You lean towards ${leanText}.`,
    `Score ${result.score} on a scale from -2 (IC) to +2 (management); beyond ±${LEAN_THRESHOLD} is a lean.`,
  ];
  if (result.reasons.length > 0) {
    out.push('', result.lean === 'undecided' ? 'What pulled each way:' : 'What decided it:');
    // The strongest few carry the message in a terminal; --json keeps them all.
    for (const reason of result.reasons.slice(0, REASONS_SHOWN)) out.push(bullet('-', reason.text));
    const more = result.reasons.length - REASONS_SHOWN;
    if (more > 0) out.push(`  … and ${more} more pointing the same way (all of them with --json)`);
  }
  if (result.misconceptions.length > 0) {
    out.push('', 'Beliefs worth checking:');
    for (const m of result.misconceptions) out.push(bullet('-', `"${m.belief}" ${m.correction}`));
  }
  if (result.experiments.length > 0) {
    out.push('', 'Try before you commit:');
    result.experiments.forEach((e, i) => out.push(bullet(`${i + 1}.`, `${e.text} ${e.why}`)));
  }
  return out.join('\n');
}

/** A wrapped list item whose continuation lines align under its text. */
function bullet(marker: string, text: string): string {
  const indent = ' '.repeat(marker.length + 3);
  return `  ${marker} ${wrap(text, 88, indent).slice(indent.length)}`;
}
