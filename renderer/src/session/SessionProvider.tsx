import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../../../shared/contract/auth';
import type { Office } from '../../../shared/contract/office';
import { DEFAULT_TIME_ZONE } from '../../../shared/format';
import { call, isRpcFailure, onUnauthenticated } from '../api/rpc';
import { useI18n } from '../i18n/I18nProvider';
import { notify } from '../lib/notify';

export type SessionPhase = 'loading' | 'unreachable' | 'setup' | 'signedOut' | 'signedIn';

interface SessionValue {
  phase: SessionPhase;
  me: Me | null;
  officeName: string | null;
  timeZone: string;
  /** What stopped the first load (network), shown with a retry button. */
  startError: unknown;
  retry: () => void;
  signedIn: (me: Me) => void;
  /** After a local sign-out (the backend session is already ended). */
  signedOut: () => void;
  refreshMe: () => Promise<void>;
  officeChanged: (office: Pick<Office, 'name' | 'timeZone'>) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<SessionPhase>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [officeName, setOfficeName] = useState<string | null>(null);
  const [timeZone, setTimeZone] = useState<string>(DEFAULT_TIME_ZONE);
  const [startError, setStartError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const phaseRef = useRef<SessionPhase>('loading');

  useEffect(() => {
    phaseRef.current = phase;
  }, [phase]);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const status = await call('auth.status', {});
        if (!live) return;
        setOfficeName(status.officeName);
        setTimeZone(status.timeZone || DEFAULT_TIME_ZONE);
        if (!status.setupDone) {
          setPhase('setup');
          return;
        }
        try {
          const who = await call('auth.me', {});
          if (!live) return;
          setMe(who);
          setPhase('signedIn');
        } catch (e) {
          if (!live) return;
          if (isRpcFailure(e) && e.code === 'UNAUTHENTICATED') setPhase('signedOut');
          else throw e;
        }
      } catch (e) {
        if (!live) return;
        setStartError(e);
        setPhase('unreachable');
      }
    })();
    return () => {
      live = false;
    };
  }, [attempt]);

  // A session that expires or is ended elsewhere brings the user back to the login screen.
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (phaseRef.current !== 'signedIn') return;
        setMe(null);
        setPhase('signedOut');
        notify({
          id: 'session-expired',
          color: 'orange',
          message: tRef.current('error.unauthenticated'),
        });
      }),
    [],
  );

  // The actions only call state setters, so they are made once and never change.
  const actions = useMemo(
    () => ({
      signedIn(who: Me) {
        setMe(who);
        setPhase('signedIn');
        // Setup has just named the office (or another PC changed it): read it again.
        call('auth.status', {}).then(
          (status) => {
            setOfficeName(status.officeName);
            setTimeZone(status.timeZone || DEFAULT_TIME_ZONE);
          },
          () => undefined,
        );
      },
      signedOut() {
        setMe(null);
        setPhase('signedOut');
      },
      async refreshMe() {
        setMe(await call('auth.me', {}));
      },
      officeChanged(office: Pick<Office, 'name' | 'timeZone'>) {
        setOfficeName(office.name);
        setTimeZone(office.timeZone || DEFAULT_TIME_ZONE);
      },
      retry() {
        setPhase('loading');
        setAttempt((a) => a + 1);
      },
    }),
    [],
  );

  const value = useMemo<SessionValue>(
    () => ({ phase, me, officeName, timeZone, startError, ...actions }),
    [phase, me, officeName, timeZone, startError, actions],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for screens rendered inside the signed-in shell. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
