/** `#/persons`: one search box over everyone the office serves. */
import { Button, Paper, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { href, navigate } from '../../lib/router';
import { useMe } from '../../session/SessionProvider';
import { PersonSearch } from './PersonSearch';

export function PersonsPage() {
  const t = useT();
  const me = useMe();
  const canWrite = me.permissions.includes('persons.write');
  return (
    <>
      <PageHeader
        title={t('person.title')}
        subtitle={t('person.subtitle')}
        actions={
          canWrite && (
            <Button
              component="a"
              href={href('/persons/new')}
              leftSection={<IconUserPlus size={18} />}
            >
              {t('person.new')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="lg">
        <PersonSearch
          autoFocus
          onOpen={(p) => navigate(`/persons/${p.id}`)}
          idleHint={
            <Text size="sm" c="dimmed">
              {t('person.search.start')}
            </Text>
          }
        />
      </Paper>
    </>
  );
}
