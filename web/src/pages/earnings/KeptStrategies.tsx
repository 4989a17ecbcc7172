import { percentText } from '../../lib/validate.js';

/** A stored strategy in words: "stay-promoted, with merit 4% a year, promotions every 3 years for 12%". */
export function strategyInWords(s: Record<string, unknown>): string {
  const parts: string[] = [];
  if (s.merit !== undefined) parts.push(`merit ${percentText(s.merit)}% a year`);
  const promotions = s.promotions as { every?: unknown; raise?: unknown; max?: unknown } | undefined;
  if (promotions)
    parts.push(
      `promotions every ${String(promotions.every)} years for ${percentText(promotions.raise)}%` +
        (promotions.max === undefined ? '' : `, at most ${String(promotions.max)}`),
    );
  const change = s.switch as { every?: unknown; raise?: unknown } | undefined;
  if (change) parts.push(`a switch every ${String(change.every)} years for ${percentText(change.raise)}%`);
  const base = typeof s.preset === 'string' ? `the preset ${s.preset}` : 'your own';
  return parts.length > 0 ? `${base}, with ${parts.join(', ')}` : base;
}

/**
 * The stored strategies the form's fields cannot show (a preset with a name or overrides, or a
 * strategy with its own promotions): listed in words, simulated and saved as they are, or removed.
 * `at` is the index of the first in the file, where the problems the core finds are keyed.
 */
export function KeptStrategies({
  kept,
  at,
  errors,
  onRemove,
}: {
  kept: Record<string, unknown>[];
  at: number;
  errors: Record<string, string>;
  onRemove: (index: number) => void;
}) {
  if (kept.length === 0) return null;
  return (
    <ul className="kept-strategies">
      {kept.map((s, i) => {
        const name = String(s.name ?? s.preset ?? `strategy ${at + i + 1}`);
        const prefix = `strategies[${at + i}]`;
        const problems = Object.entries(errors).filter(
          ([key]) => key === prefix || key.startsWith(`${prefix}.`),
        );
        return (
          <li key={`${name}-${i}`} className="preset">
            <strong>{name}</strong>
            <p className="small">
              {strategyInWords(s)}. Kept as stored: edit it in its file, or remove it here.
            </p>
            {problems.map(([key, message]) => (
              <p key={key} className="error">
                {key.slice(prefix.length + 1) || name}: {message}
              </p>
            ))}
            <button type="button" className="danger" onClick={() => onRemove(i)}>
              Remove {name}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
