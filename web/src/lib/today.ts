/** Today's date in UTC as ISO 8601 (`2026-12-02`): the default date of a new assessment or entry. */
export const today = () => new Date().toISOString().slice(0, 10);
