import { useState, type FormEvent } from 'react';
import type { RatingEntry } from '../../../../../src/core/org/reviews/assessment.js';
import { ApiError } from '../../../api/client.js';
import { useWriteAssessment, type CycleCompetency, type Writing } from '../../../api/reviews.js';
import { Choice, ErrorNotice, Field } from '../../../components/ui.js';

interface Draft {
  rating: string;
  evidence: string;
  comment: string;
}

const draftOf = (entry: RatingEntry | undefined): Draft => ({
  rating: entry ? String(entry.rating) : '',
  evidence: (entry?.evidence ?? []).join('\n'),
  comment: entry?.comment ?? '',
});

/** The rated competencies as the API takes them: unrated ones left out, empty links dropped. */
function ratingsOf(drafts: Record<string, Draft>): Record<string, RatingEntry> {
  const out: Record<string, RatingEntry> = {};
  for (const [id, d] of Object.entries(drafts)) {
    if (d.rating === '') continue;
    const evidence = d.evidence
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    out[id] = {
      rating: Number(d.rating),
      ...(evidence.length > 0 && { evidence }),
      ...(d.comment.trim() !== '' && { comment: d.comment.trim() }),
    };
  }
  return out;
}

/**
 * Ratings per competency of the cycle's framework version, each with evidence links (one a line)
 * and a comment: saved as a draft, or submitted (final). A self-assessment, a manager's, or a
 * peer's answer (then only the competencies asked about).
 */
export function AssessmentForm({
  where,
  competencies,
  initial = {},
  label,
}: {
  where: Writing;
  competencies: readonly CycleCompetency[];
  initial?: Readonly<Record<string, RatingEntry>>;
  /** Names the form and its buttons: "Self-assessment", "Manager assessment of Cy Cole". */
  label: string;
}) {
  const write = useWriteAssessment();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(competencies.map((c) => [c.id, draftOf(initial[c.id])])),
  );
  const [submitted, setSubmitted] = useState<boolean | null>(null);
  const fields = write.error instanceof ApiError ? write.error.fieldMessages() : {};
  const set = (id: string, part: keyof Draft, value: string) =>
    setDrafts((all) => ({ ...all, [id]: { ...all[id]!, [part]: value } }));
  const save = (submit: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    write.mutate(
      { where, body: { ratings: ratingsOf(drafts), submit } },
      { onSuccess: () => setSubmitted(submit) },
    );
  };
  if (submitted)
    return (
      <p role="status" className="notice ok-notice">
        {label}: submitted.
      </p>
    );
  return (
    <form onSubmit={save(false)} aria-label={label}>
      <div className="ratings">
        {competencies.map((c) => (
          <fieldset key={c.id} className="rating-row">
            <legend>{c.name}</legend>
            <Field label={`Rating for ${c.name}`} error={fields[`ratings.${c.id}`]}>
              <Choice
                value={drafts[c.id]!.rating}
                blank="Not rated"
                options={c.points.map((p) => ({ value: String(p.value), label: `${p.value}: ${p.label}` }))}
                onChange={(v) => set(c.id, 'rating', v)}
              />
            </Field>
            <Field label={`Evidence for ${c.name}`} hint="Links or evidence entry ids, one a line">
              <textarea
                rows={2}
                value={drafts[c.id]!.evidence}
                onChange={(e) => set(c.id, 'evidence', e.target.value)}
              />
            </Field>
            <Field label={`Comment on ${c.name}`}>
              <textarea
                rows={2}
                value={drafts[c.id]!.comment}
                onChange={(e) => set(c.id, 'comment', e.target.value)}
              />
            </Field>
          </fieldset>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="secondary" disabled={write.isPending}>
          Save the draft
        </button>
        <button type="button" disabled={write.isPending} onClick={() => save(true)()}>
          Submit
        </button>
        {submitted === false && !write.isPending ? (
          <span className="tag ok" role="status">
            Draft saved
          </span>
        ) : null}
      </div>
      <ErrorNotice error={write.error} title="Not saved" />
    </form>
  );
}
