import { useState } from 'react';
import { Link } from 'react-router';
import { useDirectoryPage, useSession } from '../../api/org.js';
import { usePayInformation, usePersonPay } from '../../api/pay.js';
import { ErrorNotice, Field, Loading, money, PageHeader } from '../../components/ui.js';

const amount = (value: number | null, currency: string) =>
  value === null ? 'withheld: too few people to show' : money(value, currency);

/**
 * The signed-in person's pay information (Directive 2023/970, Article 7): their own pay and the
 * average pay of women and of men in their category, for a period (the latest of theirs by default).
 */
export default function PayMe() {
  const session = useSession();
  const email = session.data?.account?.email;
  const directory = useDirectoryPage({ q: email }, 5);
  const me = email ? directory.data?.items.find((p) => p.email === email) : undefined;
  const own = usePersonPay(me?.id);
  const periods = [...new Set((own.data?.items ?? []).map((r) => r.period))].sort();
  const [chosen, setChosen] = useState<string | undefined>();
  const period = chosen ?? periods.at(-1);
  const info = usePayInformation(me?.id, period);
  const pending = session.isPending || directory.isPending || (me !== undefined && own.isPending);
  return (
    <>
      <PageHeader title="My pay information">
        Your pay and the average pay of women and of men doing work of equal value, as the EU Pay Transparency
        Directive (Article 7) lets you ask. How pay is set is in the{' '}
        <Link to="/org/pay/criteria">pay and progression criteria</Link>.
      </PageHeader>
      <ErrorNotice error={directory.error ?? own.error} title="Your pay could not be loaded" />
      {pending ? <Loading what="your pay" /> : null}
      {!pending && periods.length === 0 ? <p>No pay is recorded for you yet.</p> : null}
      {periods.length > 1 ? (
        <form className="card filters" onSubmit={(e) => e.preventDefault()}>
          <Field label="Period">
            <select value={period} onChange={(e) => setChosen(e.target.value)}>
              {periods.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </Field>
        </form>
      ) : null}
      <ErrorNotice error={info.error} title="Your pay information could not be loaded" />
      {info.data ? (
        <section className="card" aria-labelledby="information-title">
          <h2 id="information-title">
            {info.data.period}, category {info.data.category}
          </h2>
          <dl>
            <dt>Your base pay</dt>
            <dd>{money(info.data.own.base, info.data.currency)}</dd>
            <dt>Your variable pay</dt>
            <dd>{money(info.data.own.variable, info.data.currency)}</dd>
            <dt>Full-time equivalent</dt>
            <dd>{info.data.own.fte}</dd>
            <dt>Your pay, full-time equivalent</dt>
            <dd>{money(info.data.own.pay, info.data.currency)}</dd>
            <dt>Average pay of women in your category ({info.data.people.women} people)</dt>
            <dd>{amount(info.data.average.women, info.data.currency)}</dd>
            <dt>Average pay of men in your category ({info.data.people.men} people)</dt>
            <dd>{amount(info.data.average.men, info.data.currency)}</dd>
          </dl>
          <p className="muted small">
            Averages are of full-time-equivalent pay (base + variable); an average over fewer than{' '}
            {info.data.minGroup} people is withheld so that no one's pay can be read from it.
          </p>
        </section>
      ) : null}
    </>
  );
}
