import { didYouMean } from '../input/document.js';
import { DomainError } from '../problems.js';
import { findNode } from './lookup.js';
import type { Company, Framework } from './schema.js';

export interface CompanyCodes {
  company: string;
  codes: string[];
  /**
   * `level`: the codes map to the same level; `band`: to the same band on another track;
   * `nearest`: the company has nothing at that band, so these are its codes at the closest bands.
   */
  match: 'level' | 'band' | 'nearest';
}

export interface LevelMapping {
  company: string;
  code: string;
  level: string;
  track: string;
  band: number | null;
  title: string;
  equivalents: CompanyCodes[];
  to?: CompanyCodes;
}

function findCompany(framework: Framework, name: string): Company {
  const wanted = name.toLowerCase();
  const company = framework.companies.find((c) => c.id === wanted || c.name.toLowerCase() === wanted);
  if (!company) {
    const known = framework.companies.map((c) => c.id);
    throw new DomainError(
      'not-found',
      known.length === 0
        ? `unknown company "${name}": this framework maps no companies`
        : `unknown company "${name}"${didYouMean(name, known)}; known companies: ${known.join(', ')}`,
    );
  }
  return company;
}

/** What a company's codes are for one framework level: same level first, else the same band. */
function codesFor(
  framework: Framework,
  company: Company,
  level: string,
  band: number | null,
): CompanyCodes | null {
  const same = company.levels.filter((c) => c.level === level).map((c) => c.code);
  if (same.length > 0) return { company: company.id, codes: same, match: 'level' };
  if (band === null) return null;
  const byBand = company.levels.filter((c) => bandOf(framework, c.level) === band).map((c) => c.code);
  return byBand.length > 0 ? { company: company.id, codes: byBand, match: 'band' } : null;
}

/** A company's codes at the bands closest to `band`, both sides when they are equally close. */
function nearestCodes(framework: Framework, company: Company, band: number | null): CompanyCodes {
  const banded = company.levels.flatMap((c) => {
    const b = bandOf(framework, c.level);
    return b === undefined || band === null ? [] : [{ code: c.code, distance: Math.abs(b - band) }];
  });
  const closest = Math.min(...banded.map((c) => c.distance));
  return {
    company: company.id,
    codes: banded.filter((c) => c.distance === closest).map((c) => c.code),
    match: 'nearest',
  };
}

function bandOf(framework: Framework, id: string): number | undefined {
  return (framework.levels.find((l) => l.id === id) ?? framework.roles.find((r) => r.id === id))?.band;
}

/** "I am Google L5": where that lands in the framework and what it is called elsewhere. */
export function mapLevel(
  framework: Framework,
  companyName: string,
  code: string,
  toName?: string,
): LevelMapping {
  const company = findCompany(framework, companyName);
  const target = toName === undefined ? undefined : findCompany(framework, toName);
  const entry = company.levels.find((c) => c.code.toLowerCase() === code.toLowerCase());
  if (!entry) {
    const known = company.levels.map((c) => c.code);
    throw new DomainError(
      'not-found',
      `unknown ${company.name} level code "${code}"${didYouMean(code, known)}; known codes: ${known.join(', ')}`,
    );
  }
  const node = findNode(framework, entry.level);
  const band = node.band ?? null;
  const mapping: LevelMapping = {
    company: company.id,
    code: entry.code,
    level: node.id,
    track: node.track,
    band,
    title: node.title,
    equivalents: framework.companies
      .filter((c) => c.id !== company.id)
      .flatMap((c) => codesFor(framework, c, node.id, band) ?? []),
  };
  if (target)
    mapping.to = codesFor(framework, target, node.id, band) ?? nearestCodes(framework, target, band);
  return mapping;
}
