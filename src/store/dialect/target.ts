/**
 * What a workspace target names: an SQLite file, or a PostgreSQL server's database by URL. Pure (no
 * database code), so that the CLI can read and show targets without loading a driver.
 */

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** A `postgres://` or `postgresql://` URL: the workspace lives on a PostgreSQL server. */
export function isDatabaseUrl(target: string): boolean {
  return POSTGRES_URL.test(target);
}

/**
 * The target as it may be shown: a URL with its password replaced by `***` (and any `password=`
 * query parameter too), a file path as it is. Every message and log line names a target this way.
 */
export function shownTarget(target: string): string {
  if (!isDatabaseUrl(target)) return target;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    // Not readable as a URL: show its scheme only, since a password could be anywhere in it.
    return `${target.slice(0, target.indexOf('://') + 3)}…`;
  }
  if (url.password !== '') url.password = '***';
  for (const key of [...url.searchParams.keys()])
    if (/^(password|sslpassword)$/i.test(key)) url.searchParams.set(key, '***');
  return url.toString();
}

/** The password a URL carries (`''` when none), so that a message that repeats it can drop it. */
export function passwordOf(target: string): string {
  if (!isDatabaseUrl(target)) return '';
  try {
    const url = new URL(target);
    return decodeURIComponent(url.password) || url.searchParams.get('password') || '';
  } catch {
    return '';
  }
}
