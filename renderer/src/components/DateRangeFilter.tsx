/** A list filter's two days, from and to (inclusive), as two date fields side by side in a grid. */
import { DateField } from './DateField';

export function DateRangeFilter({
  labels,
  from,
  to,
  onChange,
}: {
  labels: [from: string, to: string];
  from: string;
  to: string;
  onChange: (patch: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <DateField
        label={labels[0]}
        value={from}
        maxDate={to || undefined}
        onChange={(v) => onChange({ from: v })}
        invalid="ignore"
      />
      <DateField
        label={labels[1]}
        value={to}
        minDate={from || undefined}
        onChange={(v) => onChange({ to: v })}
        invalid="ignore"
      />
    </>
  );
}
