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

/** A lazily loaded chart with a caption, a placeholder while the chart library loads, and a fallback. */
export function ChartFrame({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="chart" aria-label={caption}>
      <ChartBoundary>
        <Suspense fallback={<p className="loading">Drawing the chart…</p>}>{children}</Suspense>
      </ChartBoundary>
      <figcaption className="muted small">{caption}</figcaption>
    </figure>
  );
}
