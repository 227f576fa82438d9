/** Small pieces that show a person the same way everywhere: age, origin, identity, last stay. */
import { Alert, Badge, Group, Stack, Text, Tooltip, type AlertProps } from '@mantine/core';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconShieldCheck,
  IconShieldQuestion,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ageOn } from '../../../../shared/age';
import type { PersonSummary } from '../../../../shared/contract/persons';
import { formatNik } from '../../../../shared/nik';
import { todayInZone } from '../../../../shared/format';
import type { TFunction } from '../../i18n/I18nProvider';
import { useT } from '../../i18n/I18nProvider';
import type { Formatter } from '../../lib/format';
import { useFormat } from '../../lib/format';

const IDENTITY_COLOR = {
  document: 'teal',
  disdukcapil: 'teal',
  stated: 'yellow',
  unknown: 'red',
} as const;

export function IdentityBadge({
  status,
  size = 'sm',
}: {
  status: PersonSummary['identityStatus'];
  size?: 'xs' | 'sm' | 'md';
}) {
  const t = useT();
  const verified = status === 'document' || status === 'disdukcapil';
  return (
    <Badge
      color={IDENTITY_COLOR[status]}
      variant="light"
      size={size}
      tt="none"
      leftSection={verified ? <IconShieldCheck size={12} /> : <IconShieldQuestion size={12} />}
      data-testid="identity-badge"
    >
      {t(`person.identity.${status}`)}
    </Badge>
  );
}

/**
 * "45 th · lahir 12 Mar 1981", or "± 45 th · lahir ± 1981 (perkiraan)" for an estimate,
 * or "umur tidak diketahui".
 */
export function ageText(
  p: Pick<PersonSummary, 'birthDate' | 'birthYear' | 'birthDateEstimated'>,
  t: TFunction,
  fmt: Formatter,
): { text: string; estimated: boolean } {
  const today = todayInZone(fmt.timeZone);
  const age = ageOn(p, today);
  if (age === null) return { text: t('person.ageUnknown'), estimated: false };
  if (p.birthDate) {
    return {
      text: `${t('person.age', { age })} · ${t('person.born', { date: fmt.calendarDate(p.birthDate) })}`,
      estimated: false,
    };
  }
  return {
    text: `± ${t('person.age', { age })} · ${t('person.bornAbout', { year: p.birthYear ?? '' })}`,
    estimated: p.birthDateEstimated,
  };
}

export function AgeText({
  person,
  size = 'sm',
}: {
  person: Pick<PersonSummary, 'birthDate' | 'birthYear' | 'birthDateEstimated'>;
  size?: 'xs' | 'sm';
}) {
  const t = useT();
  const fmt = useFormat();
  const a = ageText(person, t, fmt);
  return (
    <Text size={size} span c={person.birthYear === null ? 'dimmed' : undefined}>
      {a.text}
      {a.estimated && (
        <Badge ml={6} size="xs" variant="outline" color="gray" tt="none">
          {t('person.estimated')}
        </Badge>
      )}
    </Text>
  );
}

export function NikText({ nik, size = 'sm' }: { nik: string | null; size?: 'xs' | 'sm' | 'md' }) {
  const t = useT();
  return nik ? (
    <Text size={size} ff="monospace" span style={{ whiteSpace: 'nowrap' }}>
      {formatNik(nik)}
    </Text>
  ) : (
    <Text size={size} c="dimmed" fs="italic" span>
      {t('person.noNik')}
    </Text>
  );
}

export function SexText({ sex }: { sex: PersonSummary['sex'] }) {
  const t = useT();
  return sex ? <>{t(`person.sex.${sex}`)}</> : null;
}

export function OriginText({
  origin,
  size = 'sm',
}: {
  origin: PersonSummary['origin'];
  size?: 'xs' | 'sm';
}) {
  const t = useT();
  if (!origin)
    return (
      <Text size={size} c="dimmed" span>
        {t('person.originUnknown')}
      </Text>
    );
  return (
    <Tooltip label={origin.path} openDelay={400} multiline maw={360}>
      <Text size={size} span>
        {origin.path}
      </Text>
    </Tooltip>
  );
}

export function LastStayText({ lastStay }: { lastStay: PersonSummary['lastStay'] }) {
  const t = useT();
  const fmt = useFormat();
  if (!lastStay)
    return (
      <Text size="xs" c="dimmed">
        {t('person.lastStay.none')}
      </Text>
    );
  if (!lastStay.checkoutAt)
    return (
      <Group gap={4} wrap="nowrap">
        <IconAlertCircle size={14} color="var(--mantine-color-pelita-6)" />
        <Text size="xs" c="pelita" fw={600}>
          {t('person.lastStay.current', {
            shelter: lastStay.shelterName,
            date: fmt.date(lastStay.checkinAt),
          })}
        </Text>
      </Group>
    );
  return (
    <Text size="xs" c="dimmed">
      {t('person.lastStay.past', {
        shelter: lastStay.shelterName,
        from: fmt.date(lastStay.checkinAt),
        to: fmt.date(lastStay.checkoutAt),
      })}
    </Text>
  );
}

/** "Laki-laki · 45 th · lahir 12 Mar 1981" on one line. */
export function PersonFacts({ person }: { person: PersonSummary }) {
  return (
    <Group gap={6} wrap="wrap">
      {person.sex && (
        <Text size="sm" span>
          <SexText sex={person.sex} /> ·
        </Text>
      )}
      <AgeText person={person} />
    </Group>
  );
}

/**
 * A person as every pick list and picked card shows them: the name with aliases,
 * "NIK · sex · age", the origin, then `children` (last stay, reasons).
 */
export function PersonLines({
  person: p,
  name,
  children,
}: {
  person: PersonSummary;
  /** The name as shown (a link to the person); plain bold text by default. */
  name?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const dot = (
    <Text size="sm" c="dimmed" span>
      ·
    </Text>
  );
  return (
    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
      <Group gap={8} wrap="wrap">
        {name ?? <Text fw={700}>{p.fullName}</Text>}
        {p.aliases.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('person.aliasList', { names: p.aliases.join(', ') })}
          </Text>
        )}
      </Group>
      <Group gap={6} wrap="wrap">
        <NikText nik={p.nik} />
        {dot}
        {p.sex && (
          <>
            <Text size="sm" span>
              <SexText sex={p.sex} />
            </Text>
            {dot}
          </>
        )}
        <AgeText person={p} />
      </Group>
      <OriginText origin={p.origin} />
      {children}
    </Stack>
  );
}

/** A message whose params may hold calendar dates (YYYY-MM-DD): shown as "12 Mar 1981". */
export function issueText(
  fmt: Formatter,
  key: string,
  params?: Record<string, string | number>,
): string {
  if (!params) return fmt.message(key);
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmt.calendarDate(v) : v;
  }
  return fmt.message(key, out);
}

/** Warnings about a NIK that is plausible but odd, one line each; nothing when there are none. */
export function NikWarnings({
  warnings,
  testId,
  ...props
}: {
  warnings: { key: string; params?: Record<string, string | number> }[];
  testId: string;
} & Omit<AlertProps, 'color' | 'variant' | 'icon'>) {
  const fmt = useFormat();
  if (warnings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={props.title ? 18 : 16} />}
      data-testid={testId}
      {...props}
    >
      <Stack gap={2}>
        {warnings.map((w, i) => (
          <Text key={i} size="sm">
            {issueText(fmt, w.key, w.params)}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
