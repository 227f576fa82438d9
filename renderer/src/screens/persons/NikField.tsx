/** NIK input with instant feedback from parseNik: errors, warnings, and what the NIK says. */
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconId, IconWand } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { normalizeNik, parseNik } from '../../../../shared/nik';
import { call, isRpcFailure } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { NikWarnings } from './PersonFacts';

export interface NikFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** An error from the backend (e.g. NIK already registered). */
  serverError?: string;
  /** With `person.nik_taken`: the record that holds this NIK. */
  takenBy?: { id: string; name: string } | null;
  birthDate?: string;
  sex?: 'M' | 'F' | null;
  onApply: (derived: { birthDate?: string; sex?: 'M' | 'F' }) => void;
}

export function NikField(props: NikFieldProps) {
  const { value, onChange, serverError, takenBy, birthDate, sex, onApply } = props;
  const t = useT();
  const fmt = useFormat();
  const [touched, setTouched] = useState(false);
  const digits = normalizeNik(value);
  const parsed = useMemo(
    () =>
      digits
        ? parseNik(digits, {
            birthDate: birthDate || undefined,
            sex: sex ?? undefined,
          })
        : null,
    [digits, birthDate, sex],
  );
  const complete = digits.length >= 16;

  // The district the NIK was issued in: its name, or a warning when the table lacks it.
  const district = parsed?.districtCode ?? null;
  const [issued, setIssued] = useState<{ code: string; name: string | null } | null>(null);
  useEffect(() => {
    if (!district) return;
    let live = true;
    call('regions.get', { code: district }).then(
      (r) => {
        if (live)
          setIssued({
            code: district,
            name: [
              r.name,
              ...[...r.parents]
                .reverse()
                .slice(0, 1)
                .map((p) => p.name),
            ].join(', '),
          });
      },
      (e: unknown) => {
        if (live && isRpcFailure(e) && e.code === 'NOT_FOUND')
          setIssued({ code: district, name: null });
      },
    );
    return () => {
      live = false;
    };
  }, [district]);
  const issuedHere = issued && issued.code === district ? issued : null;

  const localError =
    parsed && parsed.errors.length > 0 && (complete || touched)
      ? parsed.errors.map((e) => fmt.message(e.key, e.params)).join(' ')
      : undefined;
  const warnings = [
    ...(parsed?.ok ? parsed.warnings : []),
    ...(parsed?.ok && issuedHere && issuedHere.name === null
      ? [{ key: 'nik.warn.region_unknown' as const, params: { code: issuedHere.code } }]
      : []),
  ];
  const derivedDiffers =
    parsed?.ok &&
    ((parsed.birthDate && parsed.birthDate !== birthDate) || (parsed.sex && parsed.sex !== sex));

  return (
    <Stack gap={6}>
      <TextInput
        label={t('person.nik')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
        inputMode="numeric"
        maxLength={24}
        autoComplete="off"
        spellCheck={false}
        classNames={{ input: 'pelita-mono' }}
        leftSection={<IconId size={16} />}
        rightSection={
          digits ? (
            <Text
              size="xs"
              c={complete ? 'dimmed' : 'orange'}
              pr={6}
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('person.form.nik.count', { count: digits.length })}
            </Text>
          ) : null
        }
        rightSectionWidth={86}
        description={t('person.form.nik.help')}
        error={serverError ?? localError}
        data-testid="nik-input"
      />
      {takenBy && (
        <Anchor href={href(`/persons/${takenBy.id}`)} size="sm" data-testid="nik-taken-link">
          {t('person.nik_taken.open', { name: takenBy.name })}
        </Anchor>
      )}
      {parsed?.ok && (
        <Stack gap={6} align="flex-start" data-testid="nik-derived">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('person.form.nik.read')}:{' '}
            </Text>
            {[
              parsed.birthDate && t('person.born', { date: fmt.calendarDate(parsed.birthDate) }),
              parsed.sex && t(`person.sex.${parsed.sex}`),
              issuedHere?.name && t('person.form.nik.issued', { region: issuedHere.name }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {derivedDiffers && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconWand size={14} />}
              onClick={() => onApply({ birthDate: parsed.birthDate, sex: parsed.sex })}
            >
              {t('person.form.nik.apply')}
            </Button>
          )}
        </Stack>
      )}
      <NikWarnings warnings={warnings} p="xs" testId="nik-warnings" />
    </Stack>
  );
}
