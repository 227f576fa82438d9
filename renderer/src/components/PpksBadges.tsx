/**
 * PPKS categories as badges whose long names wrap between words instead of being cut off
 * ("Anak yang Menjadi Korban Tindak Kekerasan…"). With `max`, the rest is counted ("+2") and
 * named in a tooltip.
 */
import { Badge, Group, Tooltip, type BadgeProps } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import { ppksName } from '../lib/ppks';

export function PpksBadges({
  codes,
  max,
  size = 'sm',
  variant = 'light',
  numbered,
}: {
  codes: readonly string[];
  /** "08 · Lanjut Usia Terlantar" instead of the name alone. */
  numbered?: boolean;
  max?: number;
  size?: BadgeProps['size'];
  variant?: BadgeProps['variant'];
}) {
  const { locale } = useI18n();
  const shown = max === undefined ? codes : codes.slice(0, max);
  const rest = codes.slice(shown.length);
  return (
    <Group gap={4} data-testid="ppks-badges">
      {shown.map((c) => (
        <Badge
          key={c}
          size={size}
          variant={variant}
          color="gray"
          tt="none"
          className="pelita-wrap-badge"
          title={c}
        >
          {numbered ? `${c.slice(5)} · ${ppksName(c, locale)}` : ppksName(c, locale)}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.map((c) => ppksName(c, locale)).join(', ')} multiline maw={280}>
          <Badge size={size} variant={variant} color="gray" tabIndex={0}>
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
