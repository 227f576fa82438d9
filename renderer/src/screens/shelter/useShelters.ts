/** The active shelters and which one this PC last looked at (remembered locally). */
import { useState } from 'react';
import { call } from '../../api/rpc';
import { useQuery } from '../../lib/useQuery';

const KEY = 'pelita.shelter';

function remembered(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function useShelters(preferred?: string | null) {
  const list = useQuery('shelters', () => call('shelters.list', {}));
  const [chosen, setChosen] = useState<string | null>(() => preferred ?? remembered());
  const shelters = list.data?.shelters ?? [];
  const selected = shelters.find((s) => s.id === chosen) ?? shelters[0] ?? null;
  const choose = (id: string) => {
    setChosen(id);
    try {
      window.localStorage.setItem(KEY, id);
    } catch {
      // not remembered; still chosen for now
    }
  };
  return { list, shelters, selected, choose };
}
