import type { Framework } from '../../../../src/core/framework/schema.js';
import { companyKinds } from '../../../../src/core/framework/schema.js';
import { Field } from '../../components/ui.js';

/** A position written `LEVEL[:SPECIALISATION][@COMPANY]`, split into its parts (empty where not given). */
export function splitPosition(text: string): { level: string; specialisation: string; company: string } {
  const at = text.indexOf('@');
  const rest = at === -1 ? text : text.slice(0, at);
  const colon = rest.indexOf(':');
  return {
    level: colon === -1 ? rest : rest.slice(0, colon),
    specialisation: colon === -1 ? '' : rest.slice(colon + 1),
    company: at === -1 ? '' : text.slice(at + 1),
  };
}

export function joinPosition(parts: { level: string; specialisation: string; company: string }): string {
  if (!parts.level) return '';
  return `${parts.level}${parts.specialisation ? `:${parts.specialisation}` : ''}${parts.company ? `@${parts.company}` : ''}`;
}

const companyLabel: Record<string, string> = { 'big-company': 'Big company', startup: 'Startup' };

/** A level or role, with an optional specialisation and company kind. */
export function PositionPicker({
  label,
  blank,
  value,
  onChange,
  framework,
}: {
  label: string;
  blank: string;
  value: string;
  onChange: (position: string) => void;
  framework: Framework;
}) {
  const parts = splitPosition(value);
  const set = (patch: Partial<typeof parts>) => onChange(joinPosition({ ...parts, ...patch }));
  return (
    <fieldset className="position">
      <legend>{label}</legend>
      <Field label="Level or role">
        <select value={parts.level} onChange={(e) => set({ level: e.target.value })}>
          <option value="">{blank}</option>
          {framework.tracks.map((t) => {
            const nodes = [
              ...framework.levels.filter((l) => l.track === t.id),
              ...framework.roles.filter((r) => r.track === t.id),
            ];
            if (nodes.length === 0) return null;
            return (
              <optgroup key={t.id} label={t.name}>
                {nodes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.title}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </Field>
      <Field label="Specialisation">
        <select value={parts.specialisation} onChange={(e) => set({ specialisation: e.target.value })}>
          <option value="">Any</option>
          {framework.specialisations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Company kind">
        <select value={parts.company} onChange={(e) => set({ company: e.target.value })}>
          <option value="">Any</option>
          {companyKinds.map((c) => (
            <option key={c} value={c}>
              {companyLabel[c] ?? c}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}
