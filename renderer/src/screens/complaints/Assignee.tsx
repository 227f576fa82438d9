/**
 * Who a complaint is assigned to, named with their role (Petugas pengaduan, Pekerja sosial),
 * and the people it can be assigned to, grouped by that role.
 */
import { Select, Text, type SelectProps } from '@mantine/core';
import type { AssigneeRef } from '../../../../shared/contract/complaints';
import type { Role } from '../../../../shared/roles';
import { complaintFlow } from '../../../../shared/workflow/complaints';
import { useT } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';

type T = ReturnType<typeof useT>;

/** The name, with the role on a second, quieter line. */
export function AssigneeName({
  assignee,
  testId,
  size = 'sm',
}: {
  assignee: AssigneeRef | null;
  testId?: string;
  /** `xs` inside a list cell. */
  size?: 'xs' | 'sm';
}) {
  const t = useT();
  if (!assignee) {
    return (
      <Text size={size} c="dimmed" fs="italic">
        {t('complaint.unassigned')}
      </Text>
    );
  }
  return (
    <div>
      <Text size={size} lineClamp={1} data-testid={testId}>
        {assignee.fullName}
      </Text>
      {assignee.role && (
        <Text size="xs" c="dimmed" data-testid={testId && `${testId}-role`}>
          {t(`role.${assignee.role}`)}
        </Text>
      )}
    </div>
  );
}

/**
 * Select options grouped by role, in the workflow's order (officers, then caseworkers, admins).
 * With `meId`, the user's own entry says "(you)".
 */
export function assigneeGroups(
  people: readonly AssigneeRef[],
  t: T,
  meId?: string,
): { group: string; items: { value: string; label: string }[] }[] {
  const roles: readonly Role[] = complaintFlow.assignees ?? [];
  const label = (p: AssigneeRef) =>
    p.id === meId ? `${p.fullName} (${t('user.you')})` : p.fullName;
  return roles
    .map((role) => ({
      group: t(`role.${role}`),
      items: people.filter((p) => p.role === role).map((p) => ({ value: p.id, label: label(p) })),
    }))
    .filter((g) => g.items.length > 0);
}

/** The assignee picker of the form and the assign dialog: grouped by role, "(you)" marked. */
export function AssigneeSelect({
  officers,
  ...props
}: { officers: readonly AssigneeRef[] | undefined } & Omit<SelectProps, 'data'>) {
  const t = useT();
  const me = useMe();
  return (
    <Select
      label={t('complaint.assignee')}
      placeholder={t('complaint.unassigned')}
      data={assigneeGroups(officers ?? [], t, me.id)}
      searchable
      clearable
      {...props}
    />
  );
}
