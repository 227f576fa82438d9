/** `#/persons/new` and `#/persons/<id>/edit`. */
import { Paper } from '@mantine/core';
import { call } from '../../api/rpc';
import { PageHeader } from '../../components/PageHeader';
import { NotLoaded } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { navigate, useQueryParams } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { PersonForm } from './PersonForm';

export function PersonNewPage() {
  const t = useT();
  const query = useQueryParams();
  return (
    <>
      <PageHeader title={t('person.newTitle')} subtitle={t('person.newSubtitle')} />
      <Paper withBorder radius="md" p="lg" maw={1100}>
        <PersonForm
          prefill={query.name ? { fullName: query.name } : undefined}
          onSaved={(p) => navigate(`/persons/${p.id}`)}
          onCancel={() => navigate('/persons')}
          onUseExisting={(c) => navigate(`/persons/${c.id}`)}
        />
      </Paper>
    </>
  );
}

export function PersonEditPage({ id }: { id: string }) {
  const t = useT();
  const q = useQuery(`person-edit:${id}`, () => call('persons.get', { id }));
  if (!q.data) return <NotLoaded query={q} />;
  const p = q.data.person;
  return (
    <>
      <PageHeader title={t('person.edit')} subtitle={p.fullName} />
      <Paper withBorder radius="md" p="lg" maw={1100}>
        <PersonForm
          key={p.version}
          person={p}
          onSaved={(saved) => navigate(`/persons/${saved.id}`)}
          onCancel={() => navigate(`/persons/${p.id}`)}
          onUseExisting={(c) => navigate(`/persons/${c.id}`)}
          onReload={q.reload}
        />
      </Paper>
    </>
  );
}
