import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { linkUrl } from '../../core/org/account.js';
import { emailSchema } from '../../core/org/person.js';
import { roles } from '../../core/org/policy.js';
import { ApiTokenRepository } from '../../store/repositories/org/tokens.js';
import { inBody, TransportError } from '../errors.js';
import { answer, noContent } from '../responses.js';
import type { App } from './common.js';
import { idParams } from './common.js';
import type { OrgContext } from './org.js';

const roleSchema = z.enum(roles);
const accountSchema = z.object({
  id: z.number(),
  email: z.string(),
  personId: z.number().optional(),
  roles: z.array(roleSchema),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
});
const tokenSchema = z.object({
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});

const tokenName = z.string().min(1).max(100);

/** Where the web app is served, for a link: the origin the admin's request came to. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/**
 * Accounts, their roles, reset links and API tokens: the admin's routes (`account.manage`), over
 * the repositories `trellis org role|link|token` use; each write audited by them.
 */
export async function orgAccountRoutes(app: App, { who, allow }: OrgContext): Promise<void> {
  const tags = ['organisation'];
  const manage = allow('account.manage', 'managing accounts');

  app.get(
    '/org/accounts',
    {
      preValidation: manage,
      schema: {
        summary: 'Every account with its roles, by email',
        tags,
        response: { 200: answer(z.object({ items: z.array(accountSchema) }), 'The accounts') },
      },
    },
    async (request) => ({ items: await who(request).repositories.accounts.list() }),
  );

  app.post(
    '/org/accounts',
    {
      preValidation: manage,
      schema: {
        summary: "Add an account with roles (a person with that email also gets 'employee')",
        tags,
        body: z.strictObject({ email: emailSchema, roles: z.array(roleSchema).max(roles.length) }),
        response: { 201: answer(accountSchema, 'The account') },
      },
    },
    async (request, reply) => {
      const { email, roles: given } = request.body;
      const account = await inBody([], () =>
        who(request).repositories.accounts.create(email, [...new Set(given)]),
      );
      return reply.code(201).send(account);
    },
  );

  app.patch(
    '/org/accounts/:id',
    {
      preValidation: manage,
      schema: {
        summary: "Change an account's roles (the whole set) or disable it; the last admin keeps the role",
        tags,
        params: idParams,
        body: z
          .strictObject({ roles: z.array(roleSchema).max(roles.length), disabled: z.boolean() })
          .partial()
          .refine((body) => Object.keys(body).length > 0, 'give roles, disabled or both'),
        response: { 200: answer(accountSchema, 'The account as changed') },
      },
    },
    async (request) => {
      const { repositories } = who(request);
      const { id } = request.params;
      const found = await repositories.accounts.byId(id);
      if (!found) throw new TransportError('not-found', `no account with id ${id}`);
      return inBody([], () =>
        repositories.transaction(async (r) => {
          let account = found;
          const wanted = request.body.roles;
          if (wanted !== undefined) {
            for (const role of wanted.filter((w) => !account.roles.includes(w)))
              account = await r.accounts.addRole(account.email, role);
            for (const role of account.roles.filter((held) => !wanted.includes(held)))
              account = await r.accounts.removeRole(account.email, role);
          }
          const { disabled } = request.body;
          if (disabled !== undefined && disabled !== account.disabled)
            account = await r.accounts.setDisabled(account.email, disabled);
          return account;
        }),
      );
    },
  );

  app.post(
    '/org/accounts/:id/reset-link',
    {
      preValidation: manage,
      schema: {
        summary: 'A one-time password reset link for the account (works once, for 24 hours)',
        tags,
        params: idParams,
        response: {
          201: answer(
            z.object({ email: z.string(), url: z.string(), expiresAt: z.string() }),
            'The link, shown only now: the token is after "#", which never reaches a server log',
          ),
        },
      },
    },
    async (request, reply) => {
      const { repositories } = who(request);
      const { id } = request.params;
      const account = await repositories.accounts.byId(id);
      if (!account) throw new TransportError('not-found', `no account with id ${id}`);
      const link = await repositories.links.create(account.id, account.email, 'reset');
      return reply.code(201).send({
        email: account.email,
        url: linkUrl(originOf(request), 'reset', link.token),
        expiresAt: link.expiresAt,
      });
    },
  );

  app.get(
    '/org/tokens',
    {
      preValidation: manage,
      schema: {
        summary: 'The API tokens, revoked ones included (never their secrets)',
        tags,
        response: { 200: answer(z.object({ items: z.array(tokenSchema) }), 'The tokens') },
      },
    },
    async (request) => ({ items: await new ApiTokenRepository(who(request).repositories.scope).list() }),
  );

  app.post(
    '/org/tokens',
    {
      preValidation: manage,
      schema: {
        summary: 'Make an API token acting for an account with one of its roles: the secret is shown once',
        tags,
        body: z.strictObject({ email: emailSchema, role: roleSchema, name: tokenName }),
        response: {
          201: answer(tokenSchema.extend({ token: z.string() }), 'The token, with its secret shown only now'),
        },
      },
    },
    async (request, reply) => {
      const { email, role, name } = request.body;
      const { token, created } = await inBody([], () =>
        new ApiTokenRepository(who(request).repositories.scope).create(email, role, name),
      );
      return reply.code(201).send({ ...created, token });
    },
  );

  app.delete(
    '/org/tokens/:name',
    {
      preValidation: manage,
      schema: {
        summary: 'Revoke an API token: it stops working at once',
        tags,
        params: z.object({ name: tokenName }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await new ApiTokenRepository(who(request).repositories.scope).revoke(request.params.name);
      return reply.code(204).send();
    },
  );
}
