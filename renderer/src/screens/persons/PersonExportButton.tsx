/**
 * Admins: everything the office holds about a person as a JSON file, for a data-subject request
 * (UU PDP). The backend records the export in the audit trail. A plain Blob download until the
 * shared file-save port exists.
 */
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { todayInZone } from '../../../../shared/format';
import { call } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Give the browser a moment to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PersonExportButton({ personId }: { personId: string }) {
  const t = useT();
  const handle = useFailureHandler();
  const { timeZone } = useFormat();
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
          const data = await call('persons.export', { id: personId });
          const day = todayInZone(timeZone, new Date(data.exportedAt));
          download(`pelita-data-orang-${personId}-${day}.json`, JSON.stringify(data, null, 2));
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
