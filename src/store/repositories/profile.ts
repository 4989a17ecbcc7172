import type { Framework } from '../../core/framework/schema.js';
import { checkSchema, didYouMean } from '../../core/input/document.js';
import type { Problem } from '../../core/problems.js';
import { profileSchema, type Profile, type ProfileInput } from '../entities.js';
import { plainSource, problem, refuse } from '../../core/input/value.js';
import { inTransaction, now, type Db } from './common.js';

const ID = 1;

/**
 * The references a profile makes into the framework: its level, specialisation and skills. Takes the
 * profile as given, well formed or not, and judges the parts that are, so that unknown ids come in
 * the same answer as the schema's problems.
 */
export function checkProfile(framework: Framework, raw: unknown): Problem[] {
  const problems: Problem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problems;
  const profile = raw as { current?: unknown; specialisation?: unknown; skills?: unknown };
  const levels = [...framework.levels.map((l) => l.id), ...framework.roles.map((r) => r.id)];
  const specialisations = framework.specialisations.map((s) => s.id);
  if (typeof profile.current === 'string' && profile.current !== '' && !levels.includes(profile.current))
    problems.push(
      problem(
        ['current'],
        `unknown level "${profile.current}"${didYouMean(profile.current, levels)}`,
        'unknown-reference',
      ),
    );
  if (
    typeof profile.specialisation === 'string' &&
    profile.specialisation !== '' &&
    !specialisations.includes(profile.specialisation)
  )
    problems.push(
      problem(
        ['specialisation'],
        `unknown specialisation "${profile.specialisation}"${didYouMean(profile.specialisation, specialisations)}`,
        'unknown-reference',
      ),
    );
  const skills = profile.skills;
  if (typeof skills !== 'object' || skills === null || Array.isArray(skills)) return problems;
  for (const id of Object.keys(skills))
    if (!specialisations.includes(id))
      problems.push(
        problem(
          ['skills', id],
          `unknown specialisation "${id}"${didYouMean(id, specialisations)}`,
          'unknown-reference',
        ),
      );
  return problems;
}

/** The one person of a personal workspace. */
export class ProfileRepository {
  constructor(private readonly db: Db) {}

  async get(): Promise<Profile | undefined> {
    const row = await this.db.selectFrom('profile').selectAll().where('id', '=', ID).executeTakeFirst();
    return row && { ...(JSON.parse(row.document) as ProfileInput), updatedAt: row.updated_at };
  }

  /** Replaces the profile; returns it and whether it was created. */
  async put(
    input: unknown,
    framework: Framework,
    updatedAt = now(),
  ): Promise<{ profile: Profile; created: boolean }> {
    // The schema and the references together: every problem in one error.
    const checked = checkSchema(plainSource(input, 'profile'), profileSchema);
    const problems = [...checked.problems, ...checkProfile(framework, input)];
    const profile = checked.value;
    if (problems.length > 0 || profile === undefined) refuse('profile is not valid', problems);
    const document = JSON.stringify(profile);
    const created = await inTransaction(this.db, async (trx) => {
      const existing = await trx.selectFrom('profile').select('id').where('id', '=', ID).executeTakeFirst();
      if (existing)
        await trx
          .updateTable('profile')
          .set({ document, updated_at: updatedAt })
          .where('id', '=', ID)
          .execute();
      else await trx.insertInto('profile').values({ id: ID, document, updated_at: updatedAt }).execute();
      return existing === undefined;
    });
    return { profile: { ...profile, updatedAt }, created };
  }

  async delete(): Promise<boolean> {
    const result = await this.db.deleteFrom('profile').where('id', '=', ID).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
