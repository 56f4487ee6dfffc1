export function ProgressBar({ value, max = 1, label, valueText }: { value: number; max?: number; label: string; valueText?: string }) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const percent = Math.round(ratio * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText ?? `${percent}%`}
    >
      <span className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
