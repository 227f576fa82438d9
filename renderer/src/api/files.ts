/**
 * The renderer's side of the file port: send a file, fetch a stored one, save one to disk. Each
 * picks its transport like `call` does: the Electron bridge (bytes as an ArrayBuffer through the
 * one `call` function; main relays them to the backend and opens the save dialog), or the browser
 * host's /files endpoints (streamed upload, attachment download). Failures throw RpcFailure, so
 * useFailureHandler shows them like any other call's.
 */
import type { RpcError, RpcResponse } from '../../../shared/errors';
import {
  FILE_METHODS,
  formatBytes,
  uploadLimit,
  type StoredFile,
  type UploadPurposeName,
} from '../../../shared/files';
import { translate } from '../../../shared/i18n';
import { internalError, isRpcResponse, networkError, settle, type CallName } from './rpc';

function bridge() {
  const b = typeof window !== 'undefined' ? window.pelita : undefined;
  return b && typeof b.call === 'function' ? b : null;
}

async function viaBridge(method: CallName, input: unknown): Promise<RpcResponse> {
  try {
    const answer = await bridge()!.call(method, input);
    return isRpcResponse(answer) ? answer : { ok: false, error: internalError };
  } catch {
    return { ok: false, error: networkError };
  }
}

/** A /files answer in JSON: the upload result, or the error of a download that failed. */
async function answerOf(res: Response): Promise<RpcResponse> {
  try {
    const body: unknown = await res.json();
    if (isRpcResponse(body)) return body;
  } catch {
    // not JSON
  }
  return { ok: false, error: res.status >= 500 ? internalError : networkError };
}

function tooLarge(name: string, max: number): RpcError {
  const params = { name, max: formatBytes(max) };
  return {
    code: 'VALIDATION',
    key: 'file.too_large',
    params,
    message: {
      id: translate('id', 'file.too_large', params),
      en: translate('en', 'file.too_large', params),
    },
  };
}

/**
 * Sends `file` for `purpose` and returns its id; pass the id to the domain's method (for example
 * persons.setPhoto). The backend checks the content against the purpose's accepted kinds and
 * size; the size is checked here first so a too large file is not sent at all.
 */
export async function uploadFile(
  file: Blob,
  purpose: UploadPurposeName,
  name = file instanceof File ? file.name : 'berkas',
): Promise<StoredFile> {
  const method = FILE_METHODS.upload;
  const max = uploadLimit(purpose);
  if (file.size > max) return settle(method, { ok: false, error: tooLarge(name, max) });
  if (bridge()) {
    const bytes = await file.arrayBuffer();
    return settle(method, await viaBridge(method, { purpose, name, type: file.type, bytes }));
  }
  let res: Response;
  try {
    const query = new URLSearchParams({ purpose, name });
    res = await fetch(`/files/upload?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    return settle(method, { ok: false, error: networkError });
  }
  return settle(method, await answerOf(res));
}

/** The name in a Content-Disposition header (the UTF-8 form first). */
function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (exact) {
    try {
      return decodeURIComponent(exact[1]!);
    } catch {
      // fall through to the plain form
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

/** A stored file's bytes, to show (a photo) or save. Every fetch is audited by the backend. */
export async function downloadFile(fileId: string): Promise<{ blob: Blob; name: string }> {
  const method = FILE_METHODS.download;
  if (bridge()) {
    const data = settle<StoredFile & { bytes: ArrayBuffer }>(
      method,
      await viaBridge(method, { fileId }),
    );
    return { blob: new Blob([data.bytes], { type: data.type }), name: data.name };
  }
  let res: Response;
  try {
    res = await fetch(`/files/${encodeURIComponent(fileId)}`, { credentials: 'same-origin' });
  } catch {
    return settle(method, { ok: false, error: networkError });
  }
  if (!res.ok) return settle(method, await answerOf(res));
  const name = dispositionName(res.headers.get('content-disposition')) ?? 'pelita';
  return { blob: await res.blob(), name };
}

/**
 * Saves a stored or generated file where the user chooses: Electron's save dialog, or the
 * browser's download. False when the user cancelled the dialog.
 */
export async function saveFile(fileId: string): Promise<boolean> {
  if (bridge()) {
    const data = settle<{ saved: boolean }>(
      FILE_METHODS.save,
      await viaBridge(FILE_METHODS.save, { fileId }),
    );
    return data.saved;
  }
  const { blob, name } = await downloadFile(fileId);
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return true;
}
