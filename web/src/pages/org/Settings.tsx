import { PageHeader } from '../../components/ui.js';
import { Accounts } from './settings/Accounts.js';
import { Frameworks } from './settings/Frameworks.js';
import { Tokens } from './settings/Tokens.js';

/** The admin's settings: the ladder's versions, accounts and roles, API tokens. */
export default function Settings() {
  return (
    <>
      <PageHeader title="Settings">
        The organisation&rsquo;s framework versions, its accounts and their roles, and API tokens. The audit
        log records every change made here.
      </PageHeader>
      <Frameworks />
      <Accounts />
      <Tokens />
    </>
  );
}
