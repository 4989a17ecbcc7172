import { useMemo } from 'react';
import { scoreFit } from '../../../src/core/fit/fit.js';
import { answerLabels, ANSWER_MAX, ANSWER_MIN, questions } from '../../../src/core/fit/questions.js';
import { PageHeader } from '../components/ui.js';
import { useFitAnswers } from '../lib/fit.js';
import { useTitle } from '../lib/title.js';

const points = Array.from({ length: ANSWER_MAX - ANSWER_MIN + 1 }, (_, i) => ANSWER_MIN + i);
const leanText = {
  ic: 'You lean towards the individual-contributor track.',
  management: 'You lean towards the management track.',
  undecided: 'You are undecided: neither track pulls clearly.',
} as const;

export default function FitPage() {
  useTitle('IC or manager?');
  const [answers, setAnswers] = useFitAnswers();
  const answered = questions.filter((q) => answers[q.id] !== undefined).length;
  const complete = answered === questions.length;
  // A partial questionnaire would report a lean never expressed: score only complete answers.
  const result = useMemo(() => (complete ? scoreFit(answers) : null), [complete, answers]);

  return (
    <>
      <PageHeader title="IC or manager?">
        Fifteen statements from the decision framework. Answer each from “strongly disagree” to “strongly
        agree”; your answers stay in this browser.
      </PageHeader>
      <div className="grid-2">
        <form className="card" aria-labelledby="questions-title" onSubmit={(e) => e.preventDefault()}>
          <h2 id="questions-title">The questions</h2>
          <p className="muted small" role="status">
            {answered} of {questions.length} answered
          </p>
          {questions.map((q, index) => (
            <fieldset key={q.id} className="statement">
              <legend>
                {index + 1}. {q.text}
              </legend>
              <div className="scale">
                {points.map((p) => (
                  <label key={p}>
                    <input
                      type="radio"
                      name={`q-${q.id}`}
                      value={p}
                      checked={answers[q.id] === p}
                      onChange={() => setAnswers({ ...answers, [q.id]: p })}
                    />
                    {answerLabels[p]}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => setAnswers({})}
              disabled={answered === 0}
            >
              Clear my answers
            </button>
          </div>
        </form>
        <section className="card" aria-labelledby="lean-title" aria-live="polite">
          <h2 id="lean-title">Your lean</h2>
          {!result ? (
            <div className="empty">
              <h3>Answer every question first</h3>
              <p>
                The lean needs all the answers: {questions.length - answered} to go. There are no right
                answers; say what is true of you today.
              </p>
            </div>
          ) : (
            <>
              <p>
                <strong>{leanText[result.lean]}</strong>
              </p>
              <p className="small muted">
                Score {result.score} on a scale from −2 (IC) to +2 (management); beyond ±0.5 is a lean.
              </p>
              <h3>What decided it</h3>
              <ul>
                {result.reasons.map((r) => (
                  <li key={r.question}>{r.text}</li>
                ))}
              </ul>
              {result.misconceptions.length > 0 ? (
                <>
                  <h3>Beliefs worth checking</h3>
                  <ul>
                    {result.misconceptions.map((m) => (
                      <li key={m.id}>
                        <strong>“{m.belief}”</strong> {m.correction}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h3>Try before you commit</h3>
              <ol>
                {result.experiments.map((x) => (
                  <li key={x.id}>
                    {x.text} <span className="muted small">{x.why}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </div>
    </>
  );
}
