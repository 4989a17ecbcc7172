/**
 * Ids for imported names. Source names carry punctuation, emoji and accents; Trellis ids must match
 * /^[a-z0-9][a-z0-9._-]*$/, so names are folded to ASCII words joined by dashes.
 */
export function slugify(text: string, maxLength = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so long topic names still give readable ids.
  const cut = slug.slice(0, maxLength);
  const dash = cut.lastIndexOf('-');
  return (dash > maxLength / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** Hands out unique ids: a second "Impact!" next to "impact" becomes `impact-2`, never a duplicate. */
export class IdAllocator {
  private readonly used = new Set<string>();

  /** The id for `name`, or `fallback` when the name has no letters or digits at all (e.g. only emoji). */
  take(name: string, fallback: string): string {
    const base = slugify(name) || slugify(fallback) || 'item';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  /** Takes `id` exactly as given; the caller has checked that it is a free, valid id. */
  keep(id: string): string {
    this.used.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.used.has(id);
  }
}

/** A display name without the decoration some sources put in front, e.g. "🛠️ Mastery" → "Mastery". */
export function cleanName(text: string): string {
  const trimmed = text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return trimmed === '' ? text.trim() : trimmed;
}

/** "communication" → "Communication", for topics that have no title. */
export function humanise(text: string): string {
  const words = text.replace(/[-_]+/g, ' ').trim();
  // A name made only of dashes would vanish: keep it as written rather than return nothing.
  return words === '' ? text.trim() : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The last segment of a path, whichever separator it uses (the core runs in browsers too). */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** A file name without its directory and extension: "frameworks/backend.md" → "backend". */
export function stem(name: string): string {
  return baseName(name).replace(/\.[^.]*$/, '');
}
