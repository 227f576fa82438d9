/**
 * The letters admin pages' shape: a header with "add", a table of records each with an edit
 * action, and the record's form in a dialog.
 */
import { Badge, Paper, Switch, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { AddButton } from '../../../components/AddButton';
import { PageHeader } from '../../../components/PageHeader';
import { LoadError, PageLoader } from '../../../components/PageStates';
import { ActionsHeader, RowAction } from '../../../components/RowActions';
import { useT } from '../../../i18n/I18nProvider';
import { textsOf, useForm, type Form } from '../../../lib/form';
import type { QueryState } from '../../../lib/useQuery';

export interface EditorProps<R> {
  record: R | null;
  onDone: () => void;
  onCancel: () => void;
}

/** "In use" on a record's form: an unused record is kept, only no longer offered. */
export function ActiveSwitch<T extends { active: boolean }>({ form }: { form: Form<T> }) {
  const t = useT();
  const f = form as unknown as Form<{ active: boolean }>;
  return (
    <Switch
      label={t('complaintAdmin.active')}
      checked={f.values.active}
      onChange={(e) => f.set('active', e.currentTarget.checked)}
    />
  );
}

/**
 * A record's form in its dialog: `save` gets the values with the record's id and version (none
 * for a new record); saved or found stale, the dialog closes and the table reloads.
 */
export function useEditorForm<T extends object, R extends { id: string; version: number }>(
  { record, onDone }: EditorProps<R>,
  initial: T,
  save: (values: T & { id?: string; version?: number }) => Promise<unknown>,
): Form<T> {
  return useForm(initial, {
    submit: (v) => save({ ...(record ? { id: record.id, version: record.version } : {}), ...v }),
    onSaved: onDone,
    onReload: onDone,
  });
}

/** A record's texts as form strings, or empty ones for a new record. */
export function formTexts<const K extends string>(
  record: object | null,
  keys: readonly K[],
): Record<K, string> {
  return textsOf({ ...record } as Record<K, string | null>, keys);
}

export function EditableTable<R extends { id: string; active: boolean }>({
  title,
  subtitle,
  addLabel,
  query,
  rows,
  columns,
  nameOf,
  Editor,
  testId,
}: {
  title: string;
  subtitle: string;
  addLabel: string;
  query: QueryState<unknown>;
  rows: R[];
  columns: { header: string; render: (r: R) => ReactNode }[];
  nameOf: (r: R) => string;
  Editor: (props: EditorProps<R>) => ReactNode;
  testId: string;
}) {
  const t = useT();
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  if (query.error && !query.data) return <LoadError error={query.error} onRetry={query.reload} />;
  if (!query.data) return <PageLoader />;
  const close = () => setEditing(null);
  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        actions={<AddButton onClick={() => setEditing('new')}>{addLabel}</AddButton>}
      />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid={testId}>
            <Table.Thead bg="var(--pelita-table-head)">
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.header}>{c.header}</Table.Th>
                ))}
                <Table.Th>{t('user.status')}</Table.Th>
                <ActionsHeader w={56} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} opacity={r.active ? 1 : 0.6}>
                  {columns.map((c) => (
                    <Table.Td key={c.header}>{c.render(r)}</Table.Td>
                  ))}
                  <Table.Td>
                    <Badge color={r.active ? 'teal' : 'gray'} variant="light" tt="none">
                      {t(r.active ? 'complaintAdmin.inUse' : 'complaintAdmin.retired')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RowAction
                      label={t('common.edit')}
                      of={nameOf(r)}
                      Icon={IconPencil}
                      onClick={() => setEditing(r)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows.length === 0 && (
          <Text c="dimmed" p="md">
            {t('letterAdmin.empty')}
          </Text>
        )}
      </Paper>
      {editing !== null && (
        <Editor
          key={editing === 'new' ? 'new' : editing.id}
          record={editing === 'new' ? null : editing}
          onCancel={close}
          onDone={() => {
            close();
            query.reload();
          }}
        />
      )}
    </>
  );
}
