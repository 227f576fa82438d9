/** A button's one-shot call: busy while it runs, failures shown the app's usual way. */
import { useState } from 'react';
import { useFailureHandler } from '../../lib/failures';

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
