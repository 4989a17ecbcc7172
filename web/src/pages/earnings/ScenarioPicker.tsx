import { useDeleteDocument, type StoredDocument } from '../../api/hooks.js';
import { ErrorNotice, Field } from '../../components/ui.js';

/**
 * The stored scenarios, kept by name: open one, start a new one or delete the one open. Saving
 * decides by name (see `scenarioToSave`), so a new name never overwrites another scenario.
 */
export function ScenarioPicker({
  scenarios,
  selected,
  dirty,
  onOpen,
  onNew,
}: {
  scenarios: StoredDocument<unknown>[];
  selected: number | undefined;
  dirty: boolean;
  onOpen: (doc: StoredDocument<unknown>) => void;
  onNew: () => void;
}) {
  const remove = useDeleteDocument('scenarios');
  const open = scenarios.find((s) => s.id === selected);
  return (
    <div className="card">
      <div className="row">
        <Field label="Saved scenarios" hint={`${scenarios.length} kept`}>
          <select
            value={open ? String(open.id) : 'new'}
            onChange={(e) => {
              if (dirty && !window.confirm('Discard the changes to this scenario?')) return;
              const doc = scenarios.find((d) => String(d.id) === e.target.value);
              if (doc) onOpen(doc);
              else onNew();
            }}
          >
            {scenarios.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
            <option value="new">New scenario…</option>
          </select>
        </Field>
        {open ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (!window.confirm(`Delete the scenario “${open.name}”?`)) return;
              remove.mutate(open.id, { onSuccess: onNew });
            }}
          >
            Delete<span className="visually-hidden"> the scenario {open.name}</span>
          </button>
        ) : null}
      </div>
      <ErrorNotice error={remove.error} title="The scenario was not deleted" />
    </div>
  );
}

/**
 * The stored scenario a save replaces: the one of the same name, if any. Saving under a new name
 * stores a new scenario and leaves the one it started from as it was.
 */
export function scenarioToSave(scenarios: StoredDocument<unknown>[], name: string): number | undefined {
  return scenarios.find((s) => s.name === name.trim())?.id;
}
