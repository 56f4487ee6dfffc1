import type { ReactNode } from 'react';
import { Card, EmptyState, ErrorState, Skeleton } from '@/components/ui';
import { useAnalyticsAnswer, type Answer, type AnswerName } from '../hooks/use-analytics';
import { isNoRunError } from '../normalize';

export const PANEL_HEIGHT = '16rem';

interface PanelProps<K extends AnswerName, V, T = Answer<K>> {
  title: string;
  /** The answer the panel reads and shows; its test id is `analytics-<answer>`. */
  answer: K;
  wide?: boolean;
  /** What the panel shows of the answer. */
  view: (answer: T) => V;
  /** The empty state shown instead of the content where the run holds nothing for the panel; false where it does. */
  empty: (view: V) => ReactNode;
  /** How to read the content: a line above it. */
  note?: ReactNode | ((view: V) => ReactNode);
  children: (view: V, answer: T) => ReactNode;
}

/**
 * A card over one answer of the run: skeleton while loading, the no-run empty state, an error with "Try again", the panel's own
 * empty state, or the content (under its note).
 */
export function Panel<K extends AnswerName, V>({ title, answer, wide, ...content }: PanelProps<K, V>) {
  const query = useAnalyticsAnswer(answer);
  return (
    <Card title={title} className={wide ? 'dashboard-grid__wide' : undefined} data-testid={`analytics-${answer}`} aria-busy={query.isPending || undefined}>
      {(query.isPending || (query.isError && query.isFetching)) && <Skeleton height={PANEL_HEIGHT} />}
      {query.isError &&
        !query.isFetching &&
        (isNoRunError(query.error) ? (
          <EmptyState title="No analysis run yet">
            Run <code>patron analyze all</code> on the server.
          </EmptyState>
        ) : (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ))}
      {query.isSuccess && panelContent(query.data, content)}
    </Card>
  );
}

function panelContent<K extends AnswerName, V>(answer: Answer<K>, { view, empty, note, children }: Pick<PanelProps<K, V>, 'view' | 'empty' | 'note' | 'children'>): ReactNode {
  const shown = view(answer);
  const none = empty(shown);
  if (none) return none;
  if (note === undefined) return children(shown, answer);
  return (
    <div className="stack">
      <p className="muted small">{typeof note === 'function' ? note(shown) : note}</p>
      {children(shown, answer)}
    </div>
  );
}
