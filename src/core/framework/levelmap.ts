import { didYouMean } from '../input/suggest.js';
import { DomainError } from '../problems.js';
import { findNode } from './lookup.js';
import type { Company, Framework } from './schema.js';

export interface CompanyCodes {
  company: string;
  codes: string[];
  /**
   * `level`: the codes map to the same level; `band`: to the same band on another track;
   * `nearest`: the company has nothing at that band, so these are its codes one band either side;
   * `none`: nothing within one band.
   */
  match: 'level' | 'band' | 'nearest' | 'none';
  /** Why the answer is not a plain match, e.g. the company has fewer codes on the level. */
  note?: string;
}

export interface LevelMapping {
  company: string;
  code: string;
  level: string;
  track: string;
  band: number | null;
  title: string;
  /** The code's rung among its company's codes on the same level (1 = lowest). */
  rung: number;
  equivalents: CompanyCodes[];
  to?: CompanyCodes;
  /** The caveats of the maps used: the company's own, then the target's. */
  caveats: { company: string; text: string }[];
}

/** No answer is offered further than this many bands from the level asked about. */
const NEAREST_BANDS = 1;

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

interface Rung {
  code: string;
  level: string;
  rung: number;
  /** Whether the framework states the rung rather than leaving it to the position. */
  stated: boolean;
}

/** A company's codes with their rungs: the rung written, else the position among the level's codes. */
function rungs(company: Company): Rung[] {
  const seen = new Map<string, number>();
  return company.levels.map((c) => {
    const position = (seen.get(c.level) ?? 0) + 1;
    seen.set(c.level, position);
    return { code: c.code, level: c.level, rung: c.rung ?? position, stated: c.rung !== undefined };
  });
}

/**
 * What a company's codes are for one framework level. When the company has several codes there and
 * the code asked about has a rung (it shares its level with other codes of its own company), the
 * codes at the same rung answer, not the whole bucket; a company with fewer rungs answers its
 * closest one and says so. A level the company lacks is answered by the same band on another track.
 */
function codesFor(
  framework: Framework,
  company: Company,
  level: string,
  band: number | null,
  rung: number | null,
): CompanyCodes | null {
  const same = rungs(company).filter((c) => c.level === level);
  if (same.length > 0) {
    if (rung === null || same.length === 1)
      return { company: company.id, codes: same.map((c) => c.code), match: 'level' };
    const exact = same.filter((c) => c.rung === rung);
    if (exact.length > 0) return { company: company.id, codes: exact.map((c) => c.code), match: 'level' };
    const distance = (c: Rung) => Math.abs(c.rung - rung);
    const closest = Math.min(...same.map(distance));
    const codes = same.filter((c) => distance(c) === closest).map((c) => c.code);
    return {
      company: company.id,
      codes,
      match: 'level',
      note: `${company.name} has no code at rung ${rung} of this level; ${codes.join(', ')} ${codes.length === 1 ? 'is' : 'are'} the closest`,
    };
  }
  if (band === null) return null;
  const byBand = company.levels.filter((c) => bandOf(framework, c.level) === band);
  // The same band on the same track first: an IC asking about an IC code wants an IC answer.
  const track = trackOf(framework, level);
  const onTrack = byBand.filter((c) => trackOf(framework, c.level) === track);
  const chosen = onTrack.length > 0 ? onTrack : byBand;
  return chosen.length > 0 ? { company: company.id, codes: chosen.map((c) => c.code), match: 'band' } : null;
}

function trackOf(framework: Framework, id: string): string | undefined {
  return (framework.levels.find((l) => l.id === id) ?? framework.roles.find((r) => r.id === id))?.track;
}

/**
 * A company's codes one band either side when it has nothing at the band: the top code of the band
 * below and the bottom code of the band above, the two that border the gap. Never further away.
 */
function nearestCodes(
  framework: Framework,
  company: Company,
  band: number | null,
  track: string,
): CompanyCodes {
  const codes: string[] = [];
  const onTrack = company.levels.filter((c) => trackOf(framework, c.level) === track);
  if (band !== null) {
    for (let distance = 1; distance <= NEAREST_BANDS && codes.length === 0; distance++) {
      const below = onTrack.filter((c) => bandOf(framework, c.level) === band - distance);
      const above = onTrack.filter((c) => bandOf(framework, c.level) === band + distance);
      if (below.length > 0) codes.push(below.at(-1)!.code);
      if (above.length > 0) codes.push(above[0]!.code);
    }
  }
  return codes.length > 0
    ? { company: company.id, codes, match: 'nearest' }
    : {
        company: company.id,
        codes: [],
        match: 'none',
        note: `${company.name} has no code within ${NEAREST_BANDS} band of this level`,
      };
}

function onTrackOf(framework: Framework, company: Company, answer: CompanyCodes, track: string): boolean {
  return answer.codes.every(
    (code) => trackOf(framework, company.levels.find((c) => c.code === code)!.level) === track,
  );
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
  const entry = rungs(company).find((c) => c.code.toLowerCase() === code.toLowerCase());
  if (!entry) {
    const known = company.levels.map((c) => c.code);
    throw new DomainError(
      'not-found',
      `unknown ${company.name} level code "${code}"${didYouMean(code, known)}; known codes: ${known.join(', ')}`,
    );
  }
  const node = findNode(framework, entry.level);
  const band = node.band ?? null;
  // A rung matters when the company's own level holds several codes, or the framework states it.
  const shared = company.levels.filter((c) => c.level === entry.level).length > 1;
  const rung = shared || entry.stated ? entry.rung : null;
  const mapping: LevelMapping = {
    company: company.id,
    code: entry.code,
    level: node.id,
    track: node.track,
    band,
    title: node.title,
    rung: entry.rung,
    equivalents: framework.companies
      .filter((c) => c.id !== company.id)
      .flatMap((c) => codesFor(framework, c, node.id, band, rung) ?? []),
    caveats: [company, ...(target && target.id !== company.id ? [target] : [])].flatMap((c) =>
      c.caveats.map((text) => ({ company: c.id, text })),
    ),
  };
  if (target) {
    const answer = codesFor(framework, target, node.id, band, rung);
    const sameTrack =
      answer !== null && (answer.match === 'level' || onTrackOf(framework, target, answer, node.track));
    // A code of the other track at the same band is a last resort, after the nearest on the same track.
    const nearest = sameTrack ? null : nearestCodes(framework, target, band, node.track);
    mapping.to = nearest && nearest.match !== 'none' ? nearest : (answer ?? nearest!);
  }
  return mapping;
}
