/**
 * A generated PDF shown in the app before it is printed or saved: the exact pages, in the
 * browser engine's own PDF viewer inside a frame (a blob: URL of the bytes already fetched, so
 * nothing is fetched twice and nothing leaves the app; the CSP allows `frame-src blob:` and
 * nothing else). Print prints the frame; Save keeps the file as before. Where the engine has no
 * PDF viewer (navigator.pdfViewerEnabled false) the dialog says so and offers Save only.
 */
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { saveFile } from '../api/files';
import { useT } from '../i18n/I18nProvider';

export interface PdfToShow {
  /** The stored file, for Save. */
  fileId: string;
  name: string;
  /** A blob: URL of the bytes, revoked when the viewer lets go of it. */
  url: string;
}

/** What the viewer shows, from a fetched file (see downloadFile). */
export function pdfToShow(fileId: string, name: string, blob: Blob): PdfToShow {
  // The frame must be told the type: a blob from the bridge may come without one.
  const typed =
    blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' });
  return { fileId, name, url: URL.createObjectURL(typed) };
}

export function PdfViewer({ pdf, onClose }: { pdf: PdfToShow | null; onClose: () => void }) {
  const t = useT();
  const frame = useRef<HTMLIFrameElement>(null);
  const [saving, setSaving] = useState(false);
  const canShow = typeof navigator === 'undefined' || navigator.pdfViewerEnabled !== false;
  const url = pdf?.url ?? null;
  // Each PDF's URL goes when another replaces it or the viewer closes.
  useEffect(() => {
    if (url === null) return;
    return () => URL.revokeObjectURL(url);
  }, [url]);

  const save = async () => {
    if (!pdf) return;
    setSaving(true);
    try {
      await saveFile(pdf.fileId);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={pdf !== null}
      onClose={onClose}
      title={pdf?.name}
      size="min(1100px, 96vw)"
      data-testid="pdf-viewer"
    >
      <Stack gap="sm">
        {canShow ? (
          url && (
            <iframe
              ref={frame}
              src={url}
              title={pdf?.name ?? 'PDF'}
              data-testid="pdf-frame"
              style={{
                width: '100%',
                height: '72vh',
                border: '1px solid var(--mantine-color-gray-4)',
              }}
            />
          )
        ) : (
          <Alert color="orange" data-testid="pdf-no-viewer">
            {t('pdf.noViewer')}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            loading={saving}
            onClick={() => void save()}
            data-testid="pdf-save"
          >
            {t('pdf.save')}
          </Button>
          {canShow && (
            <Button
              leftSection={<IconPrinter size={16} />}
              onClick={() => frame.current?.contentWindow?.print()}
              disabled={!url}
              data-testid="pdf-print"
            >
              {t('pdf.print')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
