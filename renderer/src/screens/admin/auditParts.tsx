import { Badge, Code, Table, Text } from '@mantine/core';
import type { AuditRow } from '../../../../shared/contract/audit';
import { isMessageKey, type MessageKey } from '../../../../shared/i18n';
import { isIsoDateTime } from '../../../../shared/format';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';

export function methodLabelKey(method: string): MessageKey | null {
  const key = `audit.method.${method}`;
  return isMessageKey(key) ? key : null;
}

/** "Masuk" with the method name in small monospace under it. */
export function MethodLabel({ method, withCode }: { method: string; withCode?: boolean }) {
  const t = useT();
  const key = methodLabelKey(method);
  return (
    <div>
      <Text size="sm" fw={500}>
        {key ? t(key) : method}
      </Text>
      {withCode && key && (
        <Text size="xs" c="dimmed" ff="monospace">
          {method}
        </Text>
      )}
    </div>
  );
}

const OUTCOME_COLORS: Record<AuditRow['outcome'], string> = {
  ok: 'teal',
  denied: 'red',
  refused: 'orange',
};

export function OutcomeBadge({ outcome }: { outcome: AuditRow['outcome'] }) {
  const t = useT();
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="light" radius="sm">
      {t(`audit.outcome.${outcome}`)}
    </Badge>
  );
}

/** The kinds of record the trail names, for the filter's list of choices. */
export const AUDIT_RECORD_TYPES = [
  'person',
  'complaint',
  'complaint_category',
  'complaint_settings',
  'stay',
  'stay_event',
  'shelter',
  'shelter_room',
  'shelter_bed',
  'holiday',
  'user',
  'office',
  'file',
  'audit_checkpoint',
] as const;

/** "Pengguna" for 'user', "Profil kantor" for 'office'; unknown types as they are. */
export function recordTypeLabel(type: string, t: (k: MessageKey) => string): string {
  const key = `audit.recordType.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

/** The note of an entry: a message key ("audit.note.wrong_password" or "wrong_password") or text. */
export function noteText(note: string | null, t: (k: MessageKey) => string): string | null {
  if (!note) return null;
  // A refusal's reason is kept without its parameters (they may come from the refused input).
  if (isMessageKey(note)) return t(note).replace(/\{\w+\}/g, '…');
  const key = `audit.note.${note}`;
  if (isMessageKey(key)) return t(key);
  return note;
}

function ChangeValue({ value }: { value: unknown }) {
  const t = useT();
  const fmt = useFormat();
  if (value === null || value === undefined || value === '') {
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  }
  if (typeof value === 'string') {
    if (isMessageKey(value)) return <>{t(value)}</>;
    if (/^\[?(redacted|hidden|secret)\]?$/i.test(value) || /^\*+$/.test(value)) {
      return (
        <Text span c="dimmed" fs="italic">
          {t('audit.redacted')}
        </Text>
      );
    }
    if (isIsoDateTime(value)) return <>{fmt.dateTime(value)}</>;
    return <span style={{ wordBreak: 'break-word' }}>{value}</span>;
  }
  if (typeof value === 'boolean') return <>{t(value ? 'common.yes' : 'common.no')}</>;
  if (typeof value === 'number') return <>{value}</>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return (
      <>
        {value
          .map((v) => (isMessageKey(`role.${v}`) ? t(`role.${v}` as MessageKey) : v))
          .join(', ')}
      </>
    );
  }
  return <Code>{JSON.stringify(value)}</Code>;
}

/** Column names in audit changes, shown with the label the forms use. */
const FIELD_LABELS: Record<string, MessageKey> = {
  username: 'auth.username',
  full_name: 'user.fullName',
  nip: 'user.nip',
  position: 'user.position',
  roles: 'user.roles',
  active: 'user.active',
  password: 'auth.password',
  name: 'office.name',
  region_code: 'office.regionCode',
  address: 'office.address',
  phone: 'office.phone',
  email: 'office.email',
  head_name: 'office.headName',
  head_nip: 'office.headNip',
  head_position: 'office.headPosition',
  time_zone: 'office.timeZone',
  max_stay_days: 'office.maxStayDays',
  kelurahan_code: 'office.kelurahanCode',
};

/** Where each record type's form labels live, looked up first for its fields. */
const LABEL_PREFIXES: Record<string, readonly string[]> = {
  person: ['person.'],
  complaint: ['complaint.'],
  complaint_category: ['category.', 'complaintAdmin.'],
  complaint_settings: ['complaintAdmin.', 'complaint.'],
  stay: ['checkin.', 'stay.', 'checkout.'],
  stay_event: ['stay.', 'checkin.'],
  shelter: ['shelter.'],
  shelter_room: ['room.', 'shelter.'],
  shelter_bed: ['bed.', 'shelter.'],
  holiday: ['holiday.'],
};

function fieldLabelKey(field: string, recordType: string | null): MessageKey | null {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const prefix of LABEL_PREFIXES[recordType ?? ''] ?? []) {
    if (isMessageKey(prefix + camel)) return (prefix + camel) as MessageKey;
  }
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  for (const prefix of ['user.', 'office.', 'auth.']) {
    if (isMessageKey(prefix + camel)) return (prefix + camel) as MessageKey;
  }
  return null;
}

export function ChangesTable({
  changes,
  recordType = null,
}: {
  changes: NonNullable<AuditRow['changes']>;
  recordType?: string | null;
}) {
  const t = useT();
  const entries = Object.entries(changes);
  return (
    <Table
      withTableBorder
      withColumnBorders
      verticalSpacing={6}
      fz="sm"
      data-testid="audit-changes"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="22%">{t('audit.field')}</Table.Th>
          <Table.Th w="39%">{t('audit.before')}</Table.Th>
          <Table.Th w="39%">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([field, [before, after]]) => {
          const label = fieldLabelKey(field, recordType);
          return (
            <Table.Tr key={field}>
              <Table.Td>
                {label ? (
                  <Text size="sm" title={field}>
                    {t(label)}
                  </Text>
                ) : (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {field}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ChangeValue value={before} />
              </Table.Td>
              <Table.Td>
                <ChangeValue value={after} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
