/**
 * Admins: everything the office holds about a person as a JSON file, for a data-subject request
 * (UU PDP). The backend makes the file and records the export in the audit trail; saveFile opens
 * the save dialog in Electron and downloads in the browser host.
 */
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { saveFile } from '../../api/files';
import { call } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { notify } from '../../lib/notify';

export function PersonExportButton({ personId }: { personId: string }) {
  const t = useT();
  const handle = useFailureHandler();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      data-testid="person-export"
      onClick={async () => {
        setBusy(true);
        try {
          const { fileId } = await call('persons.export', { id: personId });
          if (await saveFile(fileId)) notify({ color: 'teal', message: t('person.export.saved') });
        } catch (e) {
          handle(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('person.export')}
    </Button>
  );
}
