// The baseline of the directory benchmark: a bare Fastify route over a `pg` pool running the query the
// directory runs (a page in id order with each manager's email, optionally a search of names and
// emails), answering the same JSON, without Trellis's sign-in, policy, schemas or store around it.
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { containing } from '../src/store/repositories/org/directory.js';

const LIMIT = 50;

export async function bareDirectory(url: string, organisationId: number): Promise<FastifyInstance> {
  const pool = new pg.Pool({ connectionString: url });
  const bare = Fastify();
  bare.addHook('onClose', () => pool.end());
  bare.get('/people', async (request) => {
    const q = (request.query as { q?: string }).q?.trim().toLowerCase();
    const search = q === undefined || q === '' ? undefined : containing(q);
    const { rows } = await pool.query<{
      id: number;
      name: string;
      email: string;
      team: string | null;
      manager_email: string | null;
      status: string;
    }>(
      `select p.id, p.name, p.email, p.team, m.email as manager_email, p.status
         from people as p left join people as m on m.id = p.manager_id
        where p.organisation_id = $1
          ${search === undefined ? '' : `and (lower(p.name) like $3 escape '\\' or p.email like $3 escape '\\')`}
        order by p.id limit $2`,
      search === undefined ? [organisationId, LIMIT + 1] : [organisationId, LIMIT + 1, search],
    );
    const items = rows.slice(0, LIMIT);
    return {
      items: items.map((p) => ({
        id: p.id,
        name: p.name,
        email: p.email,
        team: p.team,
        managerEmail: p.manager_email,
        status: p.status,
      })),
      nextCursor:
        rows.length > LIMIT ? Buffer.from(JSON.stringify(items.at(-1)!.id)).toString('base64url') : null,
    };
  });
  return bare;
}
