/**
 * The person's photo: fetched through the file port (each view audited), picked and shrunk in
 * the browser, uploaded for the `personPhoto` purpose, then attached with persons.setPhoto.
 */
import { Button, FileButton, Skeleton, Stack, Text } from '@mantine/core';
import { notify } from '../../lib/notify';
import { IconDownload, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Person } from '../../../../shared/contract/persons';
import { saveFile, uploadFile } from '../../api/files';
import { call } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFileUrl } from '../../lib/useFileUrl';
import { resizePhoto } from './resizePhoto';

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
  const photo = useFileUrl(person.photoFileId);

  const setPhoto = async (
    fileId: string | null,
    done: 'person.photo.saved' | 'person.photo.removed',
  ) => {
    const saved = await call('persons.setPhoto', {
      id: person.id,
      version: person.version,
      fileId,
    });
    notify({ color: 'teal', message: t(done) });
    onChanged(saved);
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      let resized: File;
      try {
        resized = await resizePhoto(file);
      } catch {
        notify({ color: 'red', message: t('person.photo.notImage') });
        return;
      }
      const stored = await uploadFile(resized, 'personPhoto');
      await setPhoto(stored.fileId, 'person.photo.saved');
    } catch (e) {
      handle(e, { onReload });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await setPhoto(null, 'person.photo.removed');
    } catch (e) {
      handle(e, { onReload });
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!person.photoFileId) return;
    try {
      if (await saveFile(person.photoFileId)) {
        notify({ color: 'teal', message: t('person.photo.savedCopy') });
      }
    } catch (e) {
      handle(e);
    }
  };

  return (
    <Stack gap="sm">
      {person.photoFileId && !photo.url && !photo.error ? (
        <Skeleton className="pelita-photo" />
      ) : photo.url ? (
        <img
          src={photo.url}
          alt={t('person.photo.alt', { name: person.fullName })}
          className="pelita-photo"
          data-testid="person-photo"
        />
      ) : (
        <div className="pelita-photo-empty">
          <IconPhoto size={36} stroke={1.5} />
          <Text size="sm">{t(photo.error ? 'person.photo.unavailable' : 'person.photo.none')}</Text>
        </div>
      )}
      <Stack gap={6}>
        {canWrite && (
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
        )}
        {photo.url && (
          <Button
            variant="subtle"
            size="xs"
            fullWidth
            disabled={busy}
            leftSection={<IconDownload size={14} />}
            onClick={() => void save()}
            data-testid="photo-save"
          >
            {t('person.photo.save')}
          </Button>
        )}
        {canWrite && person.hasPhoto && (
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
      {canWrite && (
        <Text size="xs" c="dimmed">
          {t('person.photo.help')}
        </Text>
      )}
    </Stack>
  );
}
