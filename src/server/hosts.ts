/** Host names and addresses as the server's guard and `serve --host` judge them (no imports: the CLI loads this). */

/** The names every server answers to: this machine, however it is written. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The name in a `Host` header or a `--allowed-host` value, without its port, in lower case, IPv6
 * addresses in brackets, a final dot dropped (`localhost.` is `localhost`); undefined when it is
 * not a host name at all.
 */
export function hostName(text: string): string | undefined {
  let name = text.trim().toLowerCase();
  if (name.startsWith('[')) {
    const end = name.indexOf(']');
    if (end < 0 || !/^(:\d*)?$/.test(name.slice(end + 1))) return undefined;
    name = name.slice(0, end + 1);
  } else if (name.split(':').length > 2) {
    name = `[${name}]`; // a bare IPv6 address, as `--allowed-host ::1` may write it
  } else {
    const colon = name.indexOf(':');
    if (colon >= 0) {
      if (!/^\d*$/.test(name.slice(colon + 1))) return undefined;
      name = name.slice(0, colon);
    }
  }
  if (name.endsWith('.')) name = name.slice(0, -1);
  return /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)$/.test(name) ? name : undefined;
}

/** `localhost`, `127.0.0.1`, `::1`: the addresses that reach only this machine. */
export function isLoopback(address: string): boolean {
  const name = hostName(address);
  return name !== undefined && (LOOPBACK_NAMES.includes(name) || /^127(\.\d{1,3}){3}$/.test(name));
}
