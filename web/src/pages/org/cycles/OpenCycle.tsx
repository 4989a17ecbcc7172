import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { useFrameworkVersions } from '../../../api/org.js';
import { useOpenCycle } from '../../../api/reviews.js';
import { Choice, ErrorNotice, Field } from '../../../components/ui.js';

const listOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** hr opens a cycle: its name, the framework version, who is in scope, the two deadlines. */
export function OpenCycle() {
  const versions = useFrameworkVersions();
  const open = useOpenCycle();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    name: '',
    version: '',
    scope: 'everyone',
    names: '',
    selfDue: '',
    managerDue: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const fields = open.error instanceof ApiError ? open.error.fieldMessages() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate(
      {
        name: form.name,
        ...(form.version && { frameworkVersion: Number(form.version) }),
        ...(form.scope === 'teams' && { teams: listOf(form.names) }),
        ...(form.scope === 'levels' && { levels: listOf(form.names) }),
        selfDue: form.selfDue,
        managerDue: form.managerDue,
      },
      { onSuccess: (cycle) => void navigate(`/org/cycles/${cycle.id}`) },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Open a review cycle">
      <div className="filters">
        <Field label="Cycle name" error={fields.name}>
          <input value={form.name} onChange={(e) => set('name')(e.target.value)} required />
        </Field>
        <Field label="Framework version" error={fields.frameworkVersion}>
          <Choice
            value={form.version}
            blank="The current one"
            options={(versions.data ?? []).map((v) => ({
              value: String(v.number),
              label: `${v.number}: ${v.frameworkId} ${v.frameworkVersion}`,
            }))}
            onChange={set('version')}
          />
        </Field>
        <Field label="Who is in scope">
          <Choice
            value={form.scope}
            options={[
              { value: 'everyone', label: 'Everyone' },
              { value: 'teams', label: 'Some teams' },
              { value: 'levels', label: 'Some levels' },
            ]}
            onChange={set('scope')}
          />
        </Field>
        {form.scope === 'everyone' ? null : (
          <Field
            label={form.scope === 'teams' ? 'Teams' : 'Levels'}
            hint="Separated by commas"
            error={fields[form.scope]}
          >
            <input value={form.names} onChange={(e) => set('names')(e.target.value)} required />
          </Field>
        )}
        <Field label="Self-assessments due" error={fields.selfDue}>
          <input type="date" value={form.selfDue} onChange={(e) => set('selfDue')(e.target.value)} required />
        </Field>
        <Field label="Manager assessments due" error={fields.managerDue}>
          <input
            type="date"
            value={form.managerDue}
            onChange={(e) => set('managerDue')(e.target.value)}
            required
          />
        </Field>
      </div>
      <button type="submit" disabled={open.isPending}>
        Open the cycle
      </button>
      <ErrorNotice error={open.error} title="Not opened" />
    </form>
  );
}
