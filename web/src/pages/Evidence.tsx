import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listEntries } from '../../../src/core/evidence/filter.js';
import { buildPacket, renderPacket } from '../../../src/core/evidence/packet.js';
import { evidenceScopes, type EvidenceScope } from '../../../src/core/evidence/schema.js';
import type { Framework } from '../../../src/core/framework/schema.js';
import type { StoredEvidence } from '../../../src/store/entities.js';
import { ApiError } from '../api/client.js';
import { useDeleteEvidence, useEvidence, useFramework, useProfile, useSaveEvidence } from '../api/hooks.js';
import { Choice, EmptyState, ErrorNotice, Field, Loading, PageHeader } from '../components/ui.js';
import { nextLevelOf, useCurrentLevel } from '../lib/current.js';
import { download } from '../lib/download.js';
import {
  emptyEvidenceForm,
  entryFromForm,
  evidenceFieldErrors,
  formFromEntry,
  type EvidenceForm,
} from '../lib/evidenceForm.js';
import { useTitle } from '../lib/title.js';
import { UnsavedGuard } from '../lib/unsaved.js';
import { today } from '../lib/today.js';
import { PacketView, packetTitle } from './evidence/PacketView.js';
import { SuggestFromExport } from './evidence/SuggestFromExport.js';

function EntryForm({
  framework,
  editing,
  onDone,
  onDirty,
}: {
  framework: Framework;
  editing: StoredEvidence | null;
  onDone: () => void;
  /** Told whether the form holds unsaved typing, so that switching entries can ask first. */
  onDirty: (dirty: boolean) => void;
}) {
  const initial = editing ? formFromEntry(editing) : emptyEvidenceForm(today());
  const [form, setForm] = useState<EvidenceForm>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const save = useSaveEvidence();
  const { entry, errors: local, linkLines } = entryFromForm(form);
  const server =
    save.error instanceof ApiError ? evidenceFieldErrors(save.error.fieldMessages(), linkLines) : {};
  const shown = (field: string) =>
    submitted || touched[field] ? (local[field] ?? server[field]) : server[field];
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const set = (patch: Partial<EvidenceForm>, field: string) => {
    setForm({ ...form, ...patch });
    setTouched({ ...touched, [field]: true });
  };

  return (
    <form
      className="card"
      aria-labelledby="entry-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (!entry) return;
        save.mutate(
          { id: editing?.id, body: entry },
          {
            onSuccess: () => {
              setForm(emptyEvidenceForm(today()));
              setTouched({});
              setSubmitted(false);
              onDone();
            },
          },
        );
      }}
    >
      <UnsavedGuard when={dirty} />
      <h2 id="entry-form-title">{editing ? `Edit “${editing.title}”` : 'Add an entry'}</h2>
      <div className="row">
        <Field label="Date" error={shown('date')}>
          <input
            type="date"
            required
            value={form.date}
            onChange={(e) => set({ date: e.target.value }, 'date')}
          />
        </Field>
        <Field label="Scope of the impact" hint="How far it reached." error={shown('scope')}>
          <Choice
            value={form.scope}
            onChange={(scope) => set({ scope }, 'scope')}
            blank="Not said"
            options={evidenceScopes}
          />
        </Field>
      </div>
      <Field label="What you did" hint="One line: the accomplishment, not the task." error={shown('title')}>
        <input
          type="text"
          required
          value={form.title}
          onChange={(e) => set({ title: e.target.value }, 'title')}
        />
      </Field>
      <Field
        label="Details (optional)"
        hint="Context, impact in numbers, who it helped."
        error={shown('description')}
      >
        <textarea
          value={form.description}
          onChange={(e) => set({ description: e.target.value }, 'description')}
        />
      </Field>
      <fieldset>
        <legend>Competencies it shows</legend>
        <div className="scale">
          {framework.competencies.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={form.competencies.includes(c.id)}
                onChange={(e) =>
                  set(
                    {
                      competencies: e.target.checked
                        ? [...form.competencies, c.id]
                        : form.competencies.filter((id) => id !== c.id),
                    },
                    'competencies',
                  )
                }
              />
              {c.name}
            </label>
          ))}
        </div>
        {shown('competencies') ? <span className="error">{shown('competencies')}</span> : null}
      </fieldset>
      <Field
        label="Links (optional)"
        hint="One http or https address per line: the design doc, the PR, the talk."
        error={shown('links')}
      >
        <textarea value={form.links} onChange={(e) => set({ links: e.target.value }, 'links')} />
      </Field>
      <ErrorNotice error={save.error} title="The entry was not saved" />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Add entry'}
        </button>
        {editing ? (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

export default function EvidencePage() {
  const fw = useFramework();
  const profile = useProfile();
  const evidence = useEvidence();
  const remove = useDeleteEvidence();
  const { current } = useCurrentLevel();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<StoredEvidence | null>(null);
  const [draftDirty, setDraftDirty] = useState(false);
  const competency = params.get('competency') ?? '';
  const scope = params.get('scope') ?? '';
  const printing = params.get('print') === '1';
  const framework = fw.data?.framework;
  const target = params.get('level') ?? (framework && current ? nextLevelOf(framework, current) : '');

  const shown = useMemo(() => {
    if (!evidence.data) return [];
    const ids = new Set(
      listEntries(evidence.data, {
        ...(competency ? { competency } : {}),
        ...(scope ? { scope: scope as EvidenceScope } : {}),
      }),
    );
    return evidence.data.filter((e) => ids.has(e));
  }, [evidence.data, competency, scope]);

  const packet = useMemo(() => {
    if (!framework || !evidence.data || !target) return null;
    try {
      return buildPacket(framework, evidence.data, target);
    } catch {
      return null;
    }
  }, [framework, evidence.data, target]);

  const printTitle = packet ? packetTitle(packet, profile.data?.name, today()) : '';
  // Printed, the tab's title is the packet's: browsers print it in the page header.
  useTitle(printing && packet ? printTitle : 'Evidence log');

  if (fw.isPending || evidence.isPending) return <Loading what="your evidence" />;
  if (fw.error) return <ErrorNotice title="The framework could not be loaded" error={fw.error} />;
  if (evidence.error) return <ErrorNotice title="Your evidence could not be loaded" error={evidence.error} />;
  const fwk = fw.data.framework;
  const setParam = (key: string, value: string) => {
    const copy = new URLSearchParams(params);
    if (value) copy.set(key, value);
    else copy.delete(key);
    setParams(copy, { replace: true });
  };

  if (printing && packet) {
    return (
      <>
        <div className="actions no-print">
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="secondary" onClick={() => setParam('print', '')}>
            Back to the log
          </button>
        </div>
        <PacketView packet={packet} framework={fwk} title={printTitle} />
      </>
    );
  }

  return (
    <>
      <PageHeader title="Evidence log">
        Write down what you did while you remember it: the date, what, how far it reached and which
        competencies it shows. The promotion packet groups it under what the next level expects.
      </PageHeader>
      <div className="grid-2">
        <div>
          <EntryForm
            key={editing?.id ?? 'new'}
            framework={fwk}
            editing={editing}
            onDone={() => setEditing(null)}
            onDirty={setDraftDirty}
          />
        </div>
        <section className="card" aria-labelledby="packet-heading">
          <h2 id="packet-heading">Promotion packet</h2>
          <Field label="For the level" hint="By default the one after the level you hold.">
            <Choice
              value={target}
              onChange={(level) => setParam('level', level)}
              blank="Choose a level…"
              options={fwk.levels.map((l) => ({ value: l.id, label: l.title }))}
            />
          </Field>
          {packet ? (
            <>
              <p>
                {packet.summary.withEvidence} of {packet.summary.expectations} expectations of{' '}
                {packet.level.title} have evidence.
              </p>
              {packet.summary.withoutEvidence.length > 0 ? (
                <>
                  <h3>No evidence yet for</h3>
                  <ul aria-label="Expectations without evidence">
                    {packet.sections
                      .filter((s) => s.evidence.length === 0)
                      .map((s) => (
                        <li key={s.competency}>
                          <strong>{s.name}</strong> (expects {s.rating}, {s.label}):{' '}
                          <span className="muted small">{s.text}</span>
                        </li>
                      ))}
                  </ul>
                </>
              ) : (
                <p className="notice ok-notice">Every expectation has at least one entry.</p>
              )}
              <div className="actions">
                <button
                  type="button"
                  onClick={() => download(`packet-${packet.level.id}.md`, renderPacket(packet))}
                >
                  Export as Markdown
                </button>
                <button type="button" className="secondary" onClick={() => setParam('print', '1')}>
                  Print-ready page
                </button>
              </div>
            </>
          ) : (
            <p className="muted">Choose the level you are aiming for.</p>
          )}
        </section>
      </div>
      <SuggestFromExport framework={fwk} entries={evidence.data} />
      <section aria-labelledby="entries-title">
        <h2 id="entries-title">Entries</h2>
        <div className="row" role="search" aria-label="Filter entries">
          <Field label="Competency">
            <Choice
              value={competency}
              onChange={(id) => setParam('competency', id)}
              blank="All"
              options={fwk.competencies.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Field>
          <Field label="Scope">
            <Choice
              value={scope}
              onChange={(s) => setParam('scope', s)}
              blank="All"
              options={evidenceScopes}
            />
          </Field>
        </div>
        <ErrorNotice error={remove.error} title="The entry was not deleted" />
        {evidence.data.length === 0 ? (
          <EmptyState title="Your log is empty">
            <p>
              Add your first entry with the form above: something you shipped, a design you led, someone you
              mentored. Not sure what counts? The <Link to="/">ladder</Link> lists what each level expects.
            </p>
          </EmptyState>
        ) : shown.length === 0 ? (
          <p className="muted">No entry matches these filters.</p>
        ) : (
          <ul className="entries">
            {shown.map((e) => (
              <li key={e.id} className="card">
                <strong>{e.date}</strong> {e.title} {e.scope ? <span className="tag">{e.scope}</span> : null}
                {e.description ? <p className="small">{e.description}</p> : null}
                {e.competencies?.length ? (
                  <p className="small muted">
                    Shows:{' '}
                    {e.competencies
                      .map((id) => fwk.competencies.find((c) => c.id === id)?.name ?? id)
                      .join(', ')}
                  </p>
                ) : null}
                {e.links?.length ? (
                  <p className="small">
                    {e.links.map((l) => (
                      <a key={l} href={l} rel="noreferrer noopener" target="_blank">
                        {l}
                      </a>
                    ))}
                  </p>
                ) : null}
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      // Opening another entry replaces the form: never drop unsaved typing without asking.
                      if (draftDirty && !window.confirm('Discard the entry you are writing?')) return;
                      setEditing(e);
                    }}
                  >
                    Edit<span className="visually-hidden"> {e.title}</span>
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      if (window.confirm(`Delete “${e.title}”?`)) remove.mutate(e.id);
                    }}
                  >
                    Delete<span className="visually-hidden"> {e.title}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
