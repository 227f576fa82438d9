/**
 * The letterhead logo on Admin → Profil Kantor: the coat of arms or office logo (PNG or JPEG,
 * checked by content when uploaded) printed on the left of every letter's kop.
 */
import { Button, FileButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Office } from '../../../../shared/contract/office';
import { downloadFile, uploadFile } from '../../api/files';
import { call, isRpcFailure } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';

function useLogoUrl(fileId: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!fileId) return;
    let made: string | null = null;
    void downloadFile(fileId).then(({ blob }) => {
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [fileId]);
  return fileId ? url : null;
}

export function OfficeLogo({ office, onSaved }: { office: Office; onSaved: (o: Office) => void }) {
  const t = useT();
  const fmt = useFormat();
  const [busy, setBusy] = useState(false);
  const url = useLogoUrl(office.logoFileId);
  const save = async (file: File | null | 'remove') => {
    if (!file) return;
    setBusy(true);
    try {
      const fileId = file === 'remove' ? null : (await uploadFile(file, 'officeLogo')).fileId;
      onSaved(await call('office.setLogo', { fileId, version: office.version }));
      notify({ message: t('office.logo.saved') });
    } catch (e) {
      notify({ message: isRpcFailure(e) ? fmt.error(e.error) : String(e), color: 'red' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} mb="lg" data-testid="office-logo">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 320px' }}>
          <Title order={3} fz="lg" fw={600}>
            {t('office.logo')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('office.logo.help')}
          </Text>
          <Group gap="sm" mt="xs">
            <FileButton onChange={(f) => void save(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button {...props} loading={busy} leftSection={<IconUpload size={16} />}>
                  {t('office.logo.upload')}
                </Button>
              )}
            </FileButton>
            {office.logoFileId && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} />}
                disabled={busy}
                onClick={() => void save('remove')}
              >
                {t('office.logo.remove')}
              </Button>
            )}
          </Group>
        </Stack>
        {url ? (
          <Image src={url} alt={t('office.logo')} h={96} w="auto" fit="contain" />
        ) : (
          <Text size="sm" c="dimmed" maw={220}>
            {t('office.logo.none')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
