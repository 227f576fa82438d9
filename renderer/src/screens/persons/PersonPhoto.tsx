/** The person's photo: shown from persons.photo, uploaded after resizing in the browser. */
import { Button, FileButton, Skeleton, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Person } from '../../../../shared/contract/persons';
import { call } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useQuery } from '../../lib/useQuery';
import { resizePhoto } from './resizePhoto';
import { notify } from '../../lib/notify';

export function PersonPhoto({
  person,
  canWrite,
  onChanged,
  onReload,
}: {
  person: Person;
  canWrite: boolean;
  onChanged: (p: Person) => void;
  onReload: () => void;
}) {
  const t = useT();
  const handle = useFailureHandler();
  const [busy, setBusy] = useState(false);
  const photo = useQuery(person.hasPhoto ? `photo:${person.id}:${person.version}` : null, () =>
    call('persons.photo', { id: person.id }),
  );

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      let dataUrl: string;
      try {
        dataUrl = await resizePhoto(file);
      } catch {
        notify({ color: 'red', message: t('person.photo.notImage') });
        return;
      }
      const saved = await call('persons.setPhoto', {
        id: person.id,
        version: person.version,
        dataUrl,
      });
      notify({ color: 'teal', message: t('person.photo.saved') });
      onChanged(saved);
    } catch (e) {
      handle(e, { onReload });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const saved = await call('persons.setPhoto', {
        id: person.id,
        version: person.version,
        dataUrl: null,
      });
      notify({ color: 'teal', message: t('person.photo.removed') });
      onChanged(saved);
    } catch (e) {
      handle(e, { onReload });
    } finally {
      setBusy(false);
    }
  };

  const url = person.hasPhoto ? photo.data?.dataUrl : null;
  return (
    <Stack gap="sm">
      {person.hasPhoto && !photo.data ? (
        <Skeleton className="pelita-photo" />
      ) : url ? (
        <img
          src={url}
          alt={t('person.photo.alt', { name: person.fullName })}
          className="pelita-photo"
          data-testid="person-photo"
        />
      ) : (
        <div className="pelita-photo-empty">
          <IconPhoto size={36} stroke={1.5} />
          <Text size="sm">{t('person.photo.none')}</Text>
        </div>
      )}
      {canWrite && (
        <>
          <Stack gap={6}>
            <FileButton onChange={(f) => void upload(f)} accept="image/jpeg,image/png,image/webp">
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  size="xs"
                  fullWidth
                  loading={busy}
                  leftSection={<IconUpload size={14} />}
                  data-testid="photo-upload"
                >
                  {t(person.hasPhoto ? 'person.photo.change' : 'person.photo.upload')}
                </Button>
              )}
            </FileButton>
            {person.hasPhoto && (
              <Button
                variant="subtle"
                color="red"
                size="xs"
                fullWidth
                disabled={busy}
                leftSection={<IconTrash size={14} />}
                onClick={() => void remove()}
              >
                {t('person.photo.remove')}
              </Button>
            )}
          </Stack>
          <Text size="xs" c="dimmed">
            {t('person.photo.help')}
          </Text>
        </>
      )}
    </Stack>
  );
}
