export function Brand({ suffix }: { suffix?: string }) {
  return (
    <span className="brand">
      <span className="brand__mark" aria-hidden="true">
        P
      </span>
      <span className="brand__name">Patron</span>
      {suffix && <span className="brand__suffix">{suffix}</span>}
    </span>
  );
}
