import { DomainError } from '../problems.js';
import { roles, type Role } from './policy.js';

/** The shortest password an account takes: long passphrases beat composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new DomainError('invalid-input', `the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new DomainError('invalid-input', `the password must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

export function roleOf(text: string): Role {
  const role = roles.find((r) => r === text.trim().toLowerCase());
  if (role === undefined)
    throw new DomainError('usage', `"${text}" is not a role; the roles are ${roles.join(', ')}`);
  return role;
}

/**
 * The page a one-time link opens (`welcome` to sign in, `reset` for a new password); the token goes
 * after `#`, which browsers never send to a server or log.
 */
export function linkUrl(base: string, purpose: 'sign-in' | 'reset', token: string): string {
  return `${base.replace(/\/+$/, '')}/${purpose === 'sign-in' ? 'welcome' : 'reset'}#token=${token}`;
}
