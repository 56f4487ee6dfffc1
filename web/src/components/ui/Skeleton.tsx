import type { CSSProperties } from 'react';

/** A placeholder with the size of what will load, so nothing jumps. */
export function Skeleton({ height = '1rem', width = '100%', style }: { height?: string; width?: string; style?: CSSProperties }) {
  return <span className="skeleton" aria-hidden="true" style={{ height, width, ...style }} />;
}

export function SkeletonList({ rows = 3, rowHeight = '3.5rem' }: { rows?: number; rowHeight?: string }) {
  return (
    <div className="stack" role="status" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={rowHeight} />
      ))}
    </div>
  );
}
