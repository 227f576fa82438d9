/**
 * Where a case came from and where the person is now: the part of the opening form that opening
 * a case (CaseNewPage) and correcting it (EditOpeningDialog) share.
 */
import { Grid, Select, TextInput } from '@mantine/core';
import { CASE_ORIGINS, type CaseOrigin } from '../../../../shared/reference/cases';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n/I18nProvider';
import type { Form } from '../../lib/form';

export interface OriginValues {
  origin: CaseOrigin;
  originDetail: string;
  originRegionCode: string | null;
  locationRegionCode: string | null;
  locationAddress: string;
}

export function OpeningOriginFields<T extends OriginValues>({ form: typed }: { form: Form<T> }) {
  const t = useT();
  // Both forms hold these fields with these types; the rest of their values is theirs.
  const form = typed as unknown as Form<OriginValues>;
  const v = form.values;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <Select
          label={t('case.ui.origin')}
          data={CASE_ORIGINS.map((o) => ({ value: o, label: t(`case.origin.${o}`) }))}
          value={v.origin}
          onChange={(o) => form.set('origin', (o ?? v.origin) as CaseOrigin)}
          allowDeselect={false}
          required
          data-testid="case-origin"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <TextInput
          label={t('case.ui.originDetail')}
          maxLength={300}
          {...form.text('originDetail')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <RegionPicker
          label={t('case.ui.originRegion')}
          {...form.field('originRegionCode')}
          levels={[1, 2, 3, 4]}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <RegionPicker
          label={t('case.ui.location')}
          description={t('case.ui.locationHelp')}
          {...form.field('locationRegionCode')}
          levels={[4]}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput
          label={t('case.ui.locationAddress')}
          maxLength={300}
          {...form.text('locationAddress')}
          data-testid="case-location-address"
        />
      </Grid.Col>
    </Grid>
  );
}
