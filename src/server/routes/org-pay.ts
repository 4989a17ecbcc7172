import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { minorDigits, toMajor, type Minor } from '../../core/comp/money.js';
import { can, type Action } from '../../core/org/policy.js';
import type { PayBands } from '../../core/pay/bands.js';
import {
  bandHealthOf,
  criteriaOf,
  payGapOf,
  structureOf,
  workerInformationOf,
} from '../../store/repositories/org/pay-reports.js';
import { readCsvRecords } from '../../store/spreadsheet.js';
import { inBody } from '../errors.js';
import { forbidden, personAllowed, type Asking } from '../org/asking.js';
import { answer } from '../responses.js';
import type { App } from './common.js';
import { idParams } from './common.js';

/**
 * The pay routes of the organisation API: bands, people's pay, the pay-gap report, band health, a
 * worker's information request and the criteria document. Each asks the policy first; a person
 * whose pay one may not read is answered as missing. Amounts leave in major units.
 */

const loose = z.object({}).loose();
const text = (max: number) => z.string().min(1).max(max);
const gapQuery = z.object({
  period: z.string().max(20),
  minGroup: z.coerce.number().int().min(1).max(1000).optional(),
  categories: z.string().max(2000).optional(),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expects a day such as 2026-01-31');
const structureQuery = z.object({
  since: day.optional(),
  until: day.optional(),
  minGroup: z.coerce.number().int().min(1).max(1000).optional(),
});

const major = (amount: Minor, currency: string) => toMajor(amount, minorDigits(currency));
const bandsJson = (bands: PayBands) => ({
  currency: bands.currency,
  effective: bands.effective,
  ranges: bands.ranges.map((r) => ({
    ...r,
    min: major(r.min, r.currency),
    midpoint: major(r.midpoint, r.currency),
    max: major(r.max, r.currency),
  })),
});

export function orgPayRoutes(app: App, who: (request: FastifyRequest) => Asking): void {
  const tags = ['organisation', 'pay'];
  const allow = (a: Asking, action: Action, what: string) => {
    if (!can(a.actor, action, { organisationId: a.principal.organisationId })) throw forbidden(what);
  };

  app.get(
    '/org/pay/bands',
    {
      schema: {
        summary: 'The pay bands set last (null when none are)',
        tags,
        response: { 200: answer(z.object({ bands: loose.nullable() }), 'The bands') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.criteria.read', 'reading the pay bands');
      const set = await a.repositories.pay.bands();
      return { bands: set ? { number: set.number, ...bandsJson(set.bands) } : null };
    },
  );

  app.put(
    '/org/pay/bands',
    {
      schema: {
        summary: 'Set the pay bands from a pay-bands file’s text, checked against the current framework',
        tags,
        body: z.strictObject({ source: text(1024 * 1024), file: text(200).default('pay.yaml') }),
        response: { 200: answer(loose, 'The bands as set, with the changes from those before') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.write', 'setting the pay bands');
      const { source, file } = request.body;
      const set = await inBody(['source'], () => a.repositories.pay.setBands(source, file));
      return { number: set.number, bands: bandsJson(set.bands), diff: set.diff ?? null };
    },
  );

  app.post(
    '/org/pay/import',
    {
      schema: {
        summary: "Import people's pay from CSV text (email,period,base,variable,fte): all or nothing",
        tags,
        body: z.strictObject({
          csv: text(1024 * 1024),
          file: text(200).default('pay.csv'),
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
        }),
        response: { 200: answer(loose, 'How many rows were added and replaced') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.write', "importing people's pay");
      const { csv, file, currency } = request.body;
      return inBody(['csv'], () => a.repositories.pay.importCsv(readCsvRecords(csv, file), currency));
    },
  );

  app.get(
    '/org/pay/people/:id',
    {
      schema: {
        summary: "A person's pay in every period; 404 for one whose pay you may not read",
        tags,
        params: idParams,
        response: { 200: answer(z.object({ items: z.array(loose) }), 'The pay, period by period') },
      },
    },
    async (request) => {
      const a = who(request);
      const person = await personAllowed(a, request.params.id, 'pay.read');
      const rows = await a.repositories.pay.rows({ personId: person.id });
      return {
        items: rows.map((r) => ({
          period: r.period,
          currency: r.currency,
          base: major(r.base, r.currency),
          variable: major(r.variable, r.currency),
          fte: r.fte,
        })),
      };
    },
  );

  app.get(
    '/org/pay/people/:id/information',
    {
      schema: {
        summary: "A worker's pay information (Article 7): own pay and their category's average pay by gender",
        tags,
        params: idParams,
        querystring: gapQuery,
        response: { 200: answer(loose, 'The information') },
      },
    },
    async (request) => {
      const a = who(request);
      const person = await personAllowed(a, request.params.id, 'pay.request');
      const info = await workerInformationOf(a.repositories, person.id, request.query);
      const money = (amount: Minor | null) => (amount === null ? null : major(amount, info.currency));
      return {
        ...info,
        own: {
          ...info.own,
          base: money(info.own.base),
          variable: money(info.own.variable),
          pay: money(info.own.pay),
        },
        average: { women: money(info.average.women), men: money(info.average.men) },
      };
    },
  );

  app.post(
    '/org/pay/justifications',
    {
      schema: {
        summary: "Record hr's objective, gender-neutral justification of a category's pay gap",
        tags,
        body: z.strictObject({ period: text(20), category: text(200), reason: text(2000) }),
        response: { 200: answer(z.object({ recorded: z.boolean() }), 'Recorded') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.justify', 'justifying a pay gap');
      const { period, category, reason } = request.body;
      await inBody([], () => a.repositories.pay.justify(period, category, reason));
      return { recorded: true };
    },
  );

  app.get(
    '/org/pay/criteria',
    {
      schema: {
        summary: 'The criteria for pay and progression (Article 6), as Markdown',
        tags,
        response: { 200: answer(z.object({ markdown: z.string() }), 'The document') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.criteria.read', 'reading the pay criteria');
      return { markdown: await criteriaOf(a.repositories) };
    },
  );

  app.get(
    '/org/pay/periods',
    {
      schema: {
        summary: 'The periods with pay recorded, oldest first: what the pay-gap report can be asked for',
        tags,
        response: { 200: answer(z.object({ periods: z.array(z.string()) }), 'The periods') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.report', 'listing the pay periods');
      return { periods: await a.repositories.pay.periods() };
    },
  );

  app.get(
    '/org/reports/pay-gap',
    {
      schema: {
        summary: 'The gender pay-gap report for a period, as `trellis org report pay-gap --json`',
        tags,
        querystring: gapQuery,
        response: { 200: answer(loose, 'The report') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.report', 'reading the pay-gap report');
      return payGapOf(a.repositories, request.query);
    },
  );

  app.get(
    '/org/reports/bands',
    {
      schema: {
        summary: 'Band health for a period (the latest by default), as `trellis org report bands --json`',
        tags,
        querystring: z.object({ period: z.string().max(20).optional() }),
        response: { 200: answer(loose, 'Band health') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'pay.report', 'reading band health');
      return bandHealthOf(a.repositories, request.query.period);
    },
  );

  app.get(
    '/org/reports/structure',
    {
      schema: {
        summary:
          'The structure report, as `trellis org report structure --json`; promotions over since … until (default the last 12 months)',
        tags: ['organisation'],
        querystring: structureQuery,
        response: { 200: answer(loose, 'The report') },
      },
    },
    async (request) => {
      const a = who(request);
      allow(a, 'structure.read', 'reading the structure report');
      return structureOf(a.repositories, request.query);
    },
  );
}
