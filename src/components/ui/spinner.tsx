export function Spinner({ size = 'md', label }: { size?: 'sm' | 'md' | 'lg'; label?: string }) {
  return (
    <span className={`spinner spinner-${size}`} role={label ? 'status' : undefined} aria-label={label}>
      {/* purely visual ring; the label (when given) is what assistive tech reads */}
      <span className="spinner-ring" aria-hidden="true" />
    </span>
  );
}

/** Placeholder bars for content that is loading; hidden from assistive tech. */
export function Skeleton({ lines = 3, width }: { lines?: number; width?: string }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-line" style={width ? { width } : undefined} />
      ))}
    </div>
  );
}

/** A centred loading state with text, for whole pages. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className="page-loading">
      <Spinner size="lg" />
      <p role="status">{label}</p>
    </div>
  );
}
