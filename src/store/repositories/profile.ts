import type { Framework } from '../../core/framework/schema.js';
import { readProfile } from '../../core/profile/profile.js';
import { refuse } from '../../core/input/value.js';
import type { Profile, ProfileInput } from '../entities.js';
import { inTransaction, now, PERSONAL_OWNER, type Db } from './common.js';

/** One owner's profile: the one person of a personal workspace, or one account's in an organisation. */
export class ProfileRepository {
  constructor(
    private readonly db: Db,
    private readonly owner: number = PERSONAL_OWNER,
  ) {}

  async get(): Promise<Profile | undefined> {
    const row = await this.db
      .selectFrom('profile')
      .selectAll()
      .where('owner', '=', this.owner)
      .executeTakeFirst();
    return row && { ...(JSON.parse(row.document) as ProfileInput), updatedAt: row.updated_at };
  }

  /** Checks `input` against the schema and the framework, then replaces the profile with it. */
  async put(
    input: unknown,
    framework: Framework,
    updatedAt = now(),
  ): Promise<{ profile: Profile; created: boolean }> {
    const { value, problems } = readProfile(framework, input);
    if (value === undefined) refuse('profile is not valid', problems);
    return this.store(value, updatedAt);
  }

  /** Replaces the profile with one already checked (by `readProfile`); returns it and whether it was created. */
  async store(profile: ProfileInput, updatedAt = now()): Promise<{ profile: Profile; created: boolean }> {
    const document = JSON.stringify(profile);
    const created = await inTransaction(this.db, async (trx) => {
      const existing = await trx
        .selectFrom('profile')
        .select('owner')
        .where('owner', '=', this.owner)
        .executeTakeFirst();
      if (existing)
        await trx
          .updateTable('profile')
          .set({ document, updated_at: updatedAt })
          .where('owner', '=', this.owner)
          .execute();
      else
        await trx
          .insertInto('profile')
          .values({ owner: this.owner, document, updated_at: updatedAt })
          .execute();
      return existing === undefined;
    });
    return { profile: { ...profile, updatedAt }, created };
  }

  async delete(): Promise<boolean> {
    const result = await this.db.deleteFrom('profile').where('owner', '=', this.owner).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
