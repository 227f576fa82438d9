/** `#/admin/users`: the users list (UsersList) and its dialogs (UserDialogs). */
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { UserDialog, type UserDialogKind } from './UserDialogs';
import { UsersList } from './UsersList';
import { AddButton } from '../../components/AddButton';

export function UsersPage() {
  const t = useT();
  const [refresh, setRefresh] = useState(0);
  const [dialog, setDialog] = useState<UserDialogKind | null>(null);
  const reload = () => setRefresh((n) => n + 1);

  return (
    <>
      <PageHeader
        title={t('user.title')}
        subtitle={t('user.subtitle')}
        actions={
          <AddButton onClick={() => setDialog({ kind: 'create' })}>{t('user.create')}</AddButton>
        }
      />
      <UsersList refresh={refresh} onAction={(kind, user) => setDialog({ kind, user })} />
      <UserDialog
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          reload();
        }}
        onReload={reload}
      />
    </>
  );
}
