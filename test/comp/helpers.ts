import { parseOffersFile } from '../../src/core/comp/offer-schema.js';
import type { Offer, OffersFile } from '../../src/core/comp/offer.js';
import { DomainError, formatProblem } from '../../src/core/problems.js';

/** An offer file from YAML text, validated as the CLI would; a bad fixture fails with its problems. */
export function offersFrom(yaml: string): OffersFile {
  try {
    return parseOffersFile(yaml, 'test.yaml').file;
  } catch (error) {
    if (error instanceof DomainError)
      throw new Error(error.problems.map(formatProblem).join('\n'), { cause: error });
    throw error;
  }
}

/** The one offer of a single-offer YAML text. */
export function offerFrom(yaml: string): Offer {
  const offer = offersFrom(yaml).offers[0];
  if (offer === undefined) throw new Error('no offer');
  return offer;
}
