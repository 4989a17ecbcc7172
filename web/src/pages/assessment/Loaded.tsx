import type { StoredAssessment } from '../../../../src/store/entities.js';

/** What the assessment form holds. */
export interface Draft {
  current: string;
  date: string;
  ratings: Record<string, number>;
}

/** A stored assessment as the form holds it. */
export function draftOf(a: StoredAssessment): Draft {
  return { current: a.current ?? '', date: a.date, ratings: { ...a.ratings } };
}

/** Says which stored assessment the form holds (saving replaces it), with the way back to a new one. */
export function LoadedNotice({
  editing,
  onNew,
}: {
  editing: StoredAssessment | undefined;
  onNew: () => void;
}) {
  if (!editing) return null;
  return (
    <p className="notice row" role="status">
      <span>Editing the assessment of {editing.date}: saving replaces it.</span>
      <button type="button" className="secondary" onClick={onNew}>
        Start a new assessment
      </button>
    </p>
  );
}
