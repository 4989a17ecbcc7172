import { DomainError } from '../../../core/problems.js';
import { now, type Db } from '../common.js';

export interface Organisation {
  id: number;
  slug: string;
  name: string;
  createdAt: string;
}

/** The organisations a database holds: the one table not scoped by an organisation. */
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Organisation[]> {
    const rows = await this.db.selectFrom('organisations').selectAll().orderBy('slug').execute();
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, createdAt: r.created_at }));
  }

  /** Whether the database holds any organisation: an organisation workspace. */
  async any(): Promise<boolean> {
    return (await this.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async create(slug: string, name: string): Promise<Organisation> {
    if (await this.db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst())
      throw new DomainError('usage', `an organisation "${slug}" is already in this workspace`);
    const createdAt = now();
    const { id } = await this.db
      .insertInto('organisations')
      .values({ slug, name, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, slug, name, createdAt };
  }

  /**
   * The organisation a command works on: the one named by `slug`, or the only one. Several without
   * a slug, or none, is a usage error naming what there is.
   */
  async resolve(slug: string | undefined): Promise<Organisation> {
    const all = await this.list();
    if (all.length === 0)
      throw new DomainError(
        'usage',
        'this workspace is not an organisation workspace: run `trellis org init --name NAME --admin-email EMAIL` first',
      );
    if (slug !== undefined) {
      const found = all.find((o) => o.slug === slug);
      if (!found)
        throw new DomainError(
          'usage',
          `no organisation "${slug}"; this workspace holds ${all.map((o) => o.slug).join(', ')}`,
        );
      return found;
    }
    if (all.length > 1)
      throw new DomainError(
        'usage',
        `this workspace holds several organisations: choose one with --org (${all.map((o) => o.slug).join(', ')})`,
      );
    return all[0]!;
  }
}
