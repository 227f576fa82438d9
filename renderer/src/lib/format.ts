/** Formatting hooks: the pure functions of shared/format bound to the user's language and office zone. */
import { useMemo } from 'react';
import type { RpcError } from '../../../shared/errors';
import {
  formatCalendarDate,
  formatDate,
  formatDateLong,
  formatDateTime,
  formatParams,
  formatTime,
  zoneAbbreviation,
} from '../../../shared/format';
import { isMessageKey, translate, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

export function useFormat() {
  const { locale } = useI18n();
  const { timeZone } = useSession();
  return useMemo(() => {
    const opts = { locale, timeZone };
    return {
      timeZone,
      zone: zoneAbbreviation(timeZone, locale),
      dateTime: (v: string | Date) => formatDateTime(v, opts),
      date: (v: string | Date) => formatDate(v, opts),
      dateLong: (v: string | Date) => formatDateLong(v, opts),
      time: (v: string | Date) => formatTime(v, opts),
      calendarDate: (v: string) => formatCalendarDate(v, locale),
      /** A figure with decimals as the language writes it (2,5 hari / 2.5 days). */
      decimal: (v: number) => String(v).replace('.', locale === 'id' ? ',' : '.'),
      /** Translate a message whose params may hold ISO times (shown in the office zone). */
      message: (key: MessageKey | string, params?: Record<string, string | number>) =>
        isMessageKey(key) ? translate(locale, key, formatParams(params, opts)) : key,
      /** An RpcError in the user's language; unknown keys fall back to the backend's own text. */
      error: (err: RpcError) =>
        isMessageKey(err.key)
          ? translate(locale, err.key, formatParams(err.params, opts))
          : (err.message?.[locale] ?? err.key),
    };
  }, [locale, timeZone]);
}

export type Formatter = ReturnType<typeof useFormat>;
