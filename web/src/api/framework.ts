import { frameworkSchema, type Framework } from '../../../src/core/framework/schema.js';
import type { frameworkView, LevelDetail } from '../../../src/core/framework/view.js';

/** `GET /api/framework`: the framework in use as `trellis framework show --json` prints it. */
export type FrameworkView = ReturnType<typeof frameworkView>;

/**
 * The full framework the core computes on, put back together from the view and each level's
 * detail. The view leaves expectations out and lists the engine's implied promotions beside the
 * file's own moves; both are undone here and the result is checked with the framework schema,
 * so the core runs on exactly what the server runs on.
 */
export function frameworkFromView(view: FrameworkView, details: readonly LevelDetail[]): Framework {
  const byId = new Map(details.map((d) => [d.id, d]));
  const levels = view.levels.map((level) => {
    const detail = byId.get(level.id);
    if (detail === undefined) throw new Error(`no detail for level "${level.id}"`);
    return {
      ...level,
      expectations: Object.fromEntries(
        detail.expectations.map((e) => [e.competency, { rating: e.rating, behaviours: e.behaviours }]),
      ),
    };
  });
  const moves = view.moves
    .filter((move) => !move.implied)
    .map(({ implied: _implied, levelChange, ...move }) =>
      levelChange === null ? move : { ...move, levelChange },
    );
  const promotionRules = view.promotionRules.map(({ text: _text, ...rule }) => rule);
  const { description, ...rest } = view;
  return frameworkSchema.parse({
    ...rest,
    ...(description === null ? {} : { description }),
    levels,
    moves,
    promotionRules,
  });
}
