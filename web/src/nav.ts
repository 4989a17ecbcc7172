import type { Action } from '../../src/core/org/policy.js';

/**
 * The pages in the order the navigation lists them. `personalOnly` pages are left out in an
 * organisation workspace: there the organisation chooses the framework, and the API refuses the
 * Frameworks page's changes (409).
 */
export const pages: readonly { path: string; label: string; personalOnly?: true }[] = [
  { path: '/', label: 'Ladder' },
  { path: '/lattice', label: 'Lattice' },
  { path: '/assessment', label: 'Assessment' },
  { path: '/evidence', label: 'Evidence' },
  { path: '/paths', label: 'Paths' },
  { path: '/fit', label: 'IC or manager?' },
  { path: '/offers', label: 'Offers' },
  { path: '/earnings', label: 'Earnings' },
  { path: '/learning', label: 'Learning' },
  { path: '/frameworks', label: 'Frameworks', personalOnly: true },
];

/**
 * The organisation's pages, listed only in an organisation workspace, each only to the roles the
 * policy grants its action (`grantsAny`); the server still asks `can` on every request.
 */
export const orgPages: readonly { path: string; label: string; action: Action }[] = [
  { path: '/org/people', label: 'People', action: 'directory.read' },
  { path: '/org/chart', label: 'Org chart', action: 'directory.read' },
  { path: '/org/audit', label: 'Audit log', action: 'audit.read' },
  { path: '/org/settings', label: 'Settings', action: 'account.manage' },
  { path: '/org/reviews', label: 'My reviews', action: 'assessment.self.write' },
  { path: '/org/team', label: 'My team', action: 'assessment.manager.write' },
  { path: '/org/cycles', label: 'Review cycles', action: 'cycle.manage' },
  { path: '/org/cases', label: 'Promotion cases', action: 'case.read' },
  { path: '/org/structure', label: 'Structure', action: 'structure.read' },
  { path: '/org/pay', label: 'Pay', action: 'pay.report' },
  { path: '/org/pay/me', label: 'My pay', action: 'pay.request' },
];
