import { usePayCriteria } from '../../api/pay.js';
import { ErrorNotice, Loading, PageHeader } from '../../components/ui.js';
import { MarkdownView } from '../../lib/markdown.js';

/** The criteria for pay and progression (Directive 2023/970, Article 6), from the framework and bands. */
export default function PayCriteria() {
  const criteria = usePayCriteria();
  return (
    <>
      <PageHeader title="Pay and progression criteria">
        How pay is set and how people progress: the ladder's levels and the pay range of each band.
      </PageHeader>
      <ErrorNotice error={criteria.error} title="The criteria could not be loaded" />
      {criteria.isPending ? <Loading what="the criteria" /> : null}
      {criteria.data ? (
        <article className="card">
          <MarkdownView source={criteria.data.markdown} />
        </article>
      ) : null}
    </>
  );
}
