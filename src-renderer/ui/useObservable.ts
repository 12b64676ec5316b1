import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * Subscribes to an observable (typically an RxDB query's `$`) for the lifetime of the component. `source` must be
 * memoised by the caller; `undefined` until the first value arrives, so screens can tell "loading" from "empty".
 */
export const useObservable = <T>(source: Observable<T> | null): T | undefined => {
  const [state, setState] = useState<{ source: Observable<T> | null; value: T | undefined }>({
    source,
    value: undefined,
  });
  useEffect(() => {
    if (!source) return undefined;
    const subscription = source.subscribe((value) => setState({ source, value }));
    return () => subscription.unsubscribe();
  }, [source]);
  // A new source must not show the previous source's value for a frame.
  return state.source === source ? state.value : undefined;
};
