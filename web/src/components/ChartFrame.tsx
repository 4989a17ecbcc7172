import { Component, Suspense, type ReactNode } from 'react';

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <p className="notice warn-notice">
        The chart could not be loaded; the figures are in the table beside it.
      </p>
    ) : (
      this.props.children
    );
  }
}

/**
 * Where a chart will be while the chart library loads after the page's first view: the height of
 * most charts, so the page around it keeps its place, and not a "Loading" notice, since the
 * page's figures are already there in words and tables.
 */
function ChartPlaceholder() {
  return (
    <div className="chart-placeholder muted small" aria-busy="true">
      Drawing the chart…
    </div>
  );
}

/** A lazily loaded chart with a caption, a sized placeholder while the chart library loads, and a fallback. */
export function ChartFrame({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="chart" aria-label={caption}>
      <ChartBoundary>
        <Suspense fallback={<ChartPlaceholder />}>{children}</Suspense>
      </ChartBoundary>
      <figcaption className="muted small">{caption}</figcaption>
    </figure>
  );
}
