import picomatch from 'picomatch';
import type { RecordKind } from '../../framework/schema.js';

/**
 * The fixed rules by which a piece of work is recognised as a kind of record that a framework's
 * evidence hints can name. Kept narrow on purpose: a suggestion should claim no more than the
 * records show.
 */

const designDocumentPath = picomatch(
  [
    '**/{rfc,rfcs,adr,adrs,design,designs,decisions,proposals}/**',
    '{rfc,rfcs,adr,adrs,design,designs,decisions,proposals}/**',
  ],
  { dot: true, nocase: true },
);
const designDocumentTitle = /^\s*(?:rfc|adr|design(?:\s+doc(?:ument)?)?)\b/i;
const incidentWords = /\b(?:incident|post-?mortem|outage|sev-?[0-4]|root[ -]cause)\b/i;

export interface KindInput {
  isReview: boolean;
  title: string;
  messages: readonly string[];
  files: readonly string[];
}

export function kindsOf(piece: KindInput): RecordKind[] {
  const kinds: RecordKind[] = [];
  if (piece.isReview) kinds.push('review-given');
  if (designDocumentTitle.test(piece.title) || piece.files.some((file) => designDocumentPath(file)))
    kinds.push('design-document');
  if (incidentWords.test(piece.title) || piece.messages.some((message) => incidentWords.test(message)))
    kinds.push('incident-follow-up');
  return kinds;
}
