import { useEffect, useState } from 'react';
import { downloadFile } from '../api/files';

/**
 * An object URL for a stored file (a photo), fetched through the file port and revoked when the
 * id changes or the component goes. `error` is set when the file could not be fetched.
 */
export function useFileUrl(fileId: string | null): { url: string | null; error: unknown } {
  const [state, setState] = useState<{ id: string; url: string | null; error: unknown }>({
    id: '',
    url: null,
    error: null,
  });
  useEffect(() => {
    if (!fileId) return;
    let live = true;
    let url: string | null = null;
    downloadFile(fileId).then(
      ({ blob }) => {
        url = URL.createObjectURL(blob);
        if (live) setState({ id: fileId, url, error: null });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => {
        if (live) setState({ id: fileId, url: null, error });
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [fileId]);
  // Only what belongs to the current id: never the previous photo under a new one.
  return state.id === fileId ? { url: state.url, error: state.error } : { url: null, error: null };
}
