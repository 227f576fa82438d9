/**
 * The one date input (and date-time input) of the app: typed as DD/MM/YYYY (office staff type
 * dates), or picked from a Mantine calendar in the user's language with Monday first. Values stay
 * in the contract's formats: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` office wall-clock for DateTimeField.
 *
 * Text that is not a real date (or lies outside min/max) is handed on as typed, so the form's zod
 * check marks it like the server would; `invalid="ignore"` (list filters) keeps the last good value.
 */
import { ActionIcon, CloseButton, Group, Popover, TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import {
  formatDateText,
  formatDateTimeText,
  inDateRange,
  parseDateText,
  parseDateTimeText,
} from '../../../shared/dateText';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from '../lib/format';

type BaseProps = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  value: string;
  onChange: (value: string) => void;
  /** Earliest and latest selectable day, YYYY-MM-DD. */
  minDate?: string;
  maxDate?: string;
  /** 'text' (forms): hand on what was typed so validation can mark it; 'ignore' (filters). */
  invalid?: 'text' | 'ignore';
  /** Show a button that empties the field; by default when the field is optional. */
  clearable?: boolean;
  /** The calendar opens on years (birth dates) or months instead of days. */
  startLevel?: 'month' | 'year' | 'decade';
};

interface Mode {
  format: (value: string) => string;
  parse: (text: string) => string | null;
  placeholder: 'date.placeholder' | 'date.placeholderTime';
  invalidKey: 'validation.date' | 'date.invalidTime';
  /** The day part of a value, for the calendar. */
  day: (value: string) => string | null;
  /** A value from a day picked in the calendar and the previous value (keeps its time). */
  pick: (day: string, previous: string, now: string) => string;
}

const DATE: Mode = {
  format: formatDateText,
  parse: parseDateText,
  placeholder: 'date.placeholder',
  invalidKey: 'validation.date',
  day: parseDateText,
  pick: (day) => day,
};

const DATE_TIME: Mode = {
  format: formatDateTimeText,
  parse: parseDateTimeText,
  placeholder: 'date.placeholderTime',
  invalidKey: 'date.invalidTime',
  day: (v) => /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0] ?? null,
  pick: (day, previous, now) => `${day}T${/T(\d{2}:\d{2})$/.exec(previous)?.[1] ?? now}`,
};

/** The office-zone wall-clock time now, HH:mm (a picked day keeps the time, else gets this). */
function timeNow(timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
}

function PickerField({
  mode,
  value,
  onChange,
  minDate,
  maxDate,
  invalid = 'text',
  clearable,
  startLevel = 'month',
  error,
  disabled,
  readOnly,
  onBlur,
  onKeyDown,
  ...rest
}: BaseProps & { mode: Mode }) {
  const t = useT();
  const fmt = useFormat();
  const [text, setText] = useState(() => mode.format(value));
  const [opened, setOpened] = useState(false);
  const [shown, setShown] = useState<string | undefined>(undefined);
  const [badText, setBadText] = useState(false);
  // The value this field last handed out: a different value coming in was set from outside.
  const emitted = useRef(value);
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(mode.format(value));
      setBadText(false);
    }
  }, [value, mode]);

  const emit = (next: string) => {
    emitted.current = next;
    if (next !== value) onChange(next);
  };

  const accept = (typed: string): string | null => {
    const parsed = mode.parse(typed);
    return parsed && inDateRange(parsed.slice(0, 10), minDate, maxDate) ? parsed : null;
  };

  const onType = (typed: string) => {
    setText(typed);
    setBadText(false);
    const parsed = accept(typed);
    if (typed.trim() === '') emit('');
    else if (parsed) {
      emit(parsed);
      setShown(mode.day(parsed) ?? undefined);
      // A whole date typed: the calendar has done its job and would cover the next field.
      setOpened(false);
    } else if (invalid === 'text') emit(typed.trim());
  };

  const day = mode.day(value);
  const canClear = (clearable ?? !rest.required) && text !== '' && !disabled && !readOnly;
  const rangeHint =
    minDate && maxDate
      ? t('date.range', { min: formatDateText(minDate), max: formatDateText(maxDate) })
      : minDate
        ? t('date.min', { min: formatDateText(minDate) })
        : maxDate
          ? t('date.max', { max: formatDateText(maxDate) })
          : null;
  // Typed text that is a real date but out of range gets the range; anything else the format.
  const ownError = badText
    ? mode.parse(text) && rangeHint
      ? rangeHint
      : t(mode.invalidKey)
    : undefined;

  return (
    <Popover
      opened={opened && !disabled && !readOnly}
      onChange={setOpened}
      position="bottom-start"
      trapFocus={false}
      returnFocus
      shadow="md"
    >
      <Popover.Target>
        <TextInput
          {...rest}
          value={text}
          disabled={disabled}
          readOnly={readOnly}
          placeholder={rest.placeholder ?? t(mode.placeholder)}
          autoComplete="off"
          inputMode="numeric"
          error={ownError ?? error}
          onChange={(e) => onType(e.currentTarget.value)}
          onClick={(e) => {
            setOpened(true);
            rest.onClick?.(e);
          }}
          onBlur={(e) => {
            const typed = e.currentTarget.value;
            const parsed = accept(typed);
            if (parsed) setText(mode.format(parsed));
            else if (typed.trim() !== '') setBadText(true);
            // Leaving the field closes its calendar (clicks inside the calendar keep the focus).
            setOpened(false);
            onBlur?.(e);
          }}
          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
            // Escape closes the calendar only, not the dialog around the field.
            if (e.key === 'Escape' && opened) {
              e.stopPropagation();
              setOpened(false);
            }
            if (e.key === 'ArrowDown' && !opened) setOpened(true);
            onKeyDown?.(e);
          }}
          rightSectionWidth={canClear ? 60 : 34}
          rightSection={
            <Group gap={2} wrap="nowrap">
              {canClear && (
                <CloseButton
                  size="sm"
                  aria-label={t('common.clear')}
                  tabIndex={-1}
                  onClick={() => onType('')}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                disabled={disabled || readOnly}
                aria-label={t('date.openCalendar')}
                aria-expanded={opened}
                onClick={() => setOpened((o) => !o)}
                tabIndex={-1}
              >
                <IconCalendar size={18} />
              </ActionIcon>
            </Group>
          }
        />
      </Popover.Target>
      <Popover.Dropdown
        // Clicks in the calendar keep the focus (and the typing caret) in the input.
        onMouseDown={(e) => e.preventDefault()}
        data-testid="date-picker"
      >
        <DatePicker
          value={day}
          date={shown ?? day ?? maxDate ?? undefined}
          onDateChange={setShown}
          minDate={minDate}
          maxDate={maxDate}
          allowDeselect={false}
          // An empty birth date starts on the decades; a filled one on its month.
          defaultLevel={day ? 'month' : startLevel}
          ariaLabels={{
            previousMonth: t('date.previousMonth'),
            nextMonth: t('date.nextMonth'),
            previousYear: t('date.previousYear'),
            nextYear: t('date.nextYear'),
            previousDecade: t('date.previousDecade'),
            nextDecade: t('date.nextDecade'),
            monthLevelControl: t('date.chooseMonth'),
            yearLevelControl: t('date.chooseYear'),
          }}
          onChange={(picked) => {
            if (!picked) return;
            const next = mode.pick(picked, value, timeNow(fmt.timeZone));
            setText(mode.format(next));
            setBadText(false);
            emit(next);
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

/** A calendar date: value and onChange in `YYYY-MM-DD` ('' when empty). */
export function DateField(props: BaseProps) {
  return <PickerField mode={DATE} {...props} />;
}

/** An office-zone date and time: value and onChange in `YYYY-MM-DDTHH:mm` ('' when empty). */
export function DateTimeField(props: BaseProps) {
  return <PickerField mode={DATE_TIME} {...props} />;
}
