import { orgSettings, type OrgSetting } from '../../../core/org/policy.js';
import { DomainError } from '../../../core/problems.js';
import { didYouMean } from '../../../core/input/document.js';
import { asOrganisation } from '../../dialect/index.js';
import { inReadTransaction } from '../common.js';
import { AuditRepository } from './audit.js';
import { over, type OrgScope } from './scope.js';

/** The organisation's settings that widen the policy (see `orgSettings`): each off until turned on. */
export class SettingsRepository {
  constructor(private readonly scope: OrgScope) {}

  /** The settings that are on. */
  on(): Promise<Set<OrgSetting>> {
    return inReadTransaction(this.scope.db, async (trx) => {
      const rows = await trx
        .selectFrom('org_settings')
        .select(['key', 'value'])
        .where('organisation_id', '=', this.scope.organisationId)
        .execute();
      return new Set(
        rows.filter((r) => r.value === 'true' && isSetting(r.key)).map((r) => r.key as OrgSetting),
      );
    });
  }

  /** Turns a setting on or off; the change goes in the audit log. */
  async set(key: string, value: boolean): Promise<void> {
    if (!isSetting(key))
      throw new DomainError(
        'usage',
        `unknown setting "${key}"${didYouMean(key, orgSettings)}; the settings are ${orgSettings.join(', ')}`,
      );
    return asOrganisation(this.scope.db, this.scope.organisationId, async (trx) => {
      const scope = over(this.scope, trx);
      const before = (await new SettingsRepository(scope).on()).has(key);
      await trx
        .deleteFrom('org_settings')
        .where('organisation_id', '=', scope.organisationId)
        .where('key', '=', key)
        .execute();
      await trx
        .insertInto('org_settings')
        .values({ organisation_id: scope.organisationId, key, value: String(value) })
        .execute();
      await new AuditRepository(scope).append({
        kind: 'settings.set',
        subject: `setting:${key}`,
        before: { [key]: before },
        after: { [key]: value },
      });
    });
  }
}

const isSetting = (key: string): key is OrgSetting => (orgSettings as readonly string[]).includes(key);
