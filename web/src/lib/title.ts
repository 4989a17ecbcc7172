import { useEffect } from 'react';

/** Each page names itself in the tab and in the history list. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Trellis`;
  }, [title]);
}
