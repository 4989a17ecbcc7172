import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTree, subtreeOf, type TreeNode } from '../../src/core/org/tree.js';

const person = (email: string, managerEmail?: string, status: 'active' | 'left' = 'active'): TreeNode => ({
  email,
  managerEmail,
  status,
});

describe('the reporting tree', () => {
  it('accepts a tree', () => {
    expect(checkTree([person('a'), person('b', 'a'), person('c', 'b'), person('d', 'a')])).toEqual([]);
  });

  it('refuses self-management, unknown managers and loops, each at the person to fix', () => {
    const issues = checkTree([
      person('a', 'a'),
      person('b', 'zed'),
      person('c', 'd'),
      person('d', 'e'),
      person('e', 'c'),
    ]);
    expect(issues.map((i) => [i.email, i.code])).toEqual([
      ['a', 'self-managed'],
      ['b', 'unknown-manager'],
      ['c', 'reporting-cycle'],
      ['d', 'reporting-cycle'],
      ['e', 'reporting-cycle'],
    ]);
    expect(issues[2]!.message).toBe('the reporting line loops: c → d → e → c');
  });

  it('refuses a leaver who still has active reports, at the leaver', () => {
    expect(checkTree([person('a', undefined, 'left'), person('b', 'a')])).toEqual([
      expect.objectContaining({ email: 'a', field: 'status', code: 'leaver-with-reports' }),
    ]);
    // Reports who left too may keep them as their last manager.
    expect(checkTree([person('a', undefined, 'left'), person('b', 'a', 'left')])).toEqual([]);
  });

  it("gives a manager's whole subtree, not themselves", () => {
    const tree = [person('a'), person('b', 'a'), person('c', 'b'), person('d', 'c'), person('e')];
    expect([...subtreeOf(tree, 'b')].sort()).toEqual(['c', 'd']);
    expect([...subtreeOf(tree, 'a')].sort()).toEqual(['b', 'c', 'd']);
  });

  it('never ends up with a cycle, whatever random edits are tried: edits that break it are refused', () => {
    /** An independent check: walking up from anyone ends within n steps. */
    const hasCycle = (people: TreeNode[]) => {
      const byEmail = new Map(people.map((p) => [p.email, p]));
      return people.some((p) => {
        let current: TreeNode | undefined = p;
        for (let steps = 0; current?.managerEmail !== undefined; steps++) {
          if (steps > people.length) return true;
          current = byEmail.get(current.managerEmail);
        }
        return false;
      });
    };
    const size = 8;
    const emails = Array.from({ length: size }, (_, i) => `p${i}`);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ who: fc.nat(size - 1), manager: fc.option(fc.nat(size - 1)), leaves: fc.boolean() }),
          { maxLength: 60 },
        ),
        (edits) => {
          let people = emails.map((email) => person(email));
          let refused = 0;
          for (const edit of edits) {
            const next = people.map((p) =>
              p.email === emails[edit.who]
                ? {
                    ...p,
                    managerEmail: edit.manager === null ? undefined : emails[edit.manager],
                    status: edit.leaves ? ('left' as const) : ('active' as const),
                  }
                : p,
            );
            if (checkTree(next).length === 0) people = next;
            else refused++;
            expect(hasCycle(people)).toBe(false);
          }
          return refused <= edits.length;
        },
      ),
      { numRuns: 300 },
    );
  });
});
