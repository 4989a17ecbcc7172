/**
 * The one way the app talks to the API. Every failure becomes an `ApiError` carrying the API's
 * error body (`{ error: { code, message, fields } }`), so pages can show it next to the right field
 * instead of swallowing it.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages keyed by path inside the body (`body.offers[0].base` → `offers[0].base`). */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of this.fields) {
      const key = field.path.replace(/^body\.?/, '');
      out[key] ??= field.message;
    }
    return out;
  }
}

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; fields?: FieldProblem[] } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        // Signed-in writes carry the CSRF header (docs/organisation.md); the personal routes ignore it.
        ...(method !== 'GET' && { 'x-trellis-csrf': '1' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The Trellis server cannot be reached. Is it still running?');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let value: unknown;
  try {
    value = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError(
      response.status,
      'bad-response',
      `The server answered ${response.status} with something that is not JSON.`,
    );
  }
  if (!response.ok) {
    if (isErrorBody(value)) {
      throw new ApiError(response.status, value.error.code, value.error.message, value.error.fields ?? []);
    }
    throw new ApiError(
      response.status,
      'http',
      `The server answered ${response.status} ${response.statusText}.`,
    );
  }
  return value as T;
}

export const get = <T>(path: string) => api<T>('GET', path);

/** The largest page the API gives (its MAX_PAGE_SIZE): the fewest requests for a whole list. */
const PAGE_SIZE = 500;

/** Every item of a list the API answers a page at a time (`{ [key]: [...], nextCursor }`). */
export async function getAll<T>(path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor === null ? {} : { cursor }) });
    const page: Record<string, unknown> = await get(`${path}?${query.toString()}`);
    items.push(...((page[key] as T[] | undefined) ?? []));
    cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
  } while (cursor !== null);
  return items;
}
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const post = <T>(path: string, body: unknown) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = (path: string) => api<void>('DELETE', path);
