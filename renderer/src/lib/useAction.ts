/** One busy flag around a button's action (named, so only its button spins); failures go to the shared handler. */
import { useState } from 'react';
import { useFailureHandler } from './failures';

export function useAction() {
  const handle = useFailureHandler();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (name: string, fn: () => Promise<unknown>) => {
    setBusy(name);
    try {
      await fn();
    } catch (e) {
      handle(e);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
