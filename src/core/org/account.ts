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
