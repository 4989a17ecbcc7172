import type { Framework } from '../../../src/core/framework/schema.js';
import type { frameworkView } from '../../../src/core/framework/view.js';

/** `GET /api/framework`: the framework in use as `trellis framework show --json` prints it. */
export type FrameworkView = ReturnType<typeof frameworkView>;

/**
 * `GET /api/framework/bundle`: the view the pages show and the framework the core computes on,
 * exactly as the server read and checked it, in one request.
 */
export interface FrameworkData {
  view: FrameworkView;
  framework: Framework;
}
