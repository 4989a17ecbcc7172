/** Text made safe for HTML element content and double-quoted attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** HTML already escaped, so that templates can tell built markup from user text. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });

/**
 * The one way markup is built: every interpolated value is escaped unless it is `Html`, and a list
 * of values is joined. User text can therefore never become markup by forgetting an `esc` call.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += part(value) + strings[i + 1]!;
  });
  return raw(out);
}

function part(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(part).join('');
  if (typeof value === 'object' && 'html' in value) return (value as Html).html;
  return esc(String(value));
}
