import {
  ActionIcon,
  SegmentedControl,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import type { Locale } from '../../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';

export function LanguageSwitch({
  size = 'xs',
  testId = 'language-switch',
}: {
  size?: 'xs' | 'sm';
  testId?: string;
}) {
  const { locale, setLocale, t } = useI18n();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('common.language.switch')}
      value={locale}
      onChange={(v) => setLocale(v as Locale)}
      data={[
        {
          value: 'id',
          label: (
            <span title={t('common.language.id')} lang="id">
              ID
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span title={t('common.language.en')} lang="en">
              EN
            </span>
          ),
        },
      ]}
      data-testid={testId}
    />
  );
}

export function ThemeToggle() {
  const { t } = useI18n();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const dark = computed === 'dark';
  return (
    <Tooltip label={t(dark ? 'common.theme.light' : 'common.theme.dark')}>
      <ActionIcon
        variant="default"
        size="lg"
        radius="md"
        aria-label={t('common.theme.toggle')}
        onClick={() => setColorScheme(dark ? 'light' : 'dark')}
        data-testid="theme-toggle"
      >
        {dark ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
