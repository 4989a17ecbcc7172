import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { ApiError } from '../api/client.js';

/**
 * A labelled control with its hint, its unit and its error (or warning) right beside it. The control
 * gets its id and aria attributes from here, so no field can be left without a label or an
 * announced error. A warning is for a value that is allowed but most likely a slip.
 */
export function Field({
  label,
  hint,
  unit,
  error,
  warning,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown after the control and read with it: "%", "years". */
  unit?: string;
  error?: string | undefined;
  warning?: string | undefined;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const unitId = `${id}-unit`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const shownWarning = error ? undefined : warning;
  const describedBy =
    [unit ? unitId : null, hint ? hintId : null, error ? errorId : null, shownWarning ? warningId : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const control = cloneElement(children, {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  });
  return (
    <div className={`field${error ? ' has-error' : shownWarning ? ' has-warning' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {unit ? (
        <span className="with-unit">
          {control}
          <span className="unit" id={unitId}>
            {unit}
          </span>
        </span>
      ) : (
        control
      )}
      {error ? (
        <span className="error" id={errorId}>
          {error}
        </span>
      ) : null}
      {shownWarning ? (
        <span className="warning" id={warningId} role="status">
          {shownWarning}
        </span>
      ) : null}
    </div>
  );
}

/** An option of a `Choice`: a plain value shown as itself, or a value with a label. */
export type ChoiceOption = string | { value: string; label: string };

/**
 * A select over a list of options, with an optional first "blank" option whose value is empty.
 * Other props (the id and aria attributes a `Field` gives its control) pass through.
 */
export function Choice({
  value,
  options,
  onChange,
  blank,
  ...rest
}: {
  value: string;
  options: readonly ChoiceOption[];
  onChange: (value: string) => void;
  blank?: string;
  disabled?: boolean;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      {blank !== undefined ? <option value="">{blank}</option> : null}
      {options.map((option) => {
        const { value: v, label } = typeof option === 'string' ? { value: option, label: option } : option;
        return (
          <option key={v} value={v}>
            {label}
          </option>
        );
      })}
    </select>
  );
}

/** A form's submit button, with "Saved" announced once what is shown has been stored. */
export function SaveButton({
  label,
  pending,
  saved,
  disabled = false,
}: {
  label: string;
  pending: boolean;
  saved: boolean;
  disabled?: boolean;
}) {
  return (
    <>
      <button type="submit" disabled={pending || disabled}>
        {pending ? 'Saving…' : label}
      </button>
      {saved ? (
        <span className="tag ok" role="status">
          Saved
        </span>
      ) : null}
    </>
  );
}

/** An API or computation failure, said plainly, never swallowed. */
export function ErrorNotice({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const message = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div className="notice error-notice" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <code>{f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A table's box that scrolls sideways on a narrow screen: focusable, and named, so that a keyboard
 * can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <p className="lede">{children}</p> : null}
    </header>
  );
}

/** Major units with thousands separators, the way the CLI prints money. */
/** An amount in the page: it never wraps inside the number ("$20,0 / 00"), however narrow the column. */
export function Money({ value, currency = 'USD' }: { value: number; currency?: string }) {
  return <span className="money">{money(value, currency)}</span>;
}

export function money(value: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    value,
  );
}
