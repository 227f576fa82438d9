/** `#/persons/<id>`: everything known about a person, what is missing, and all their stays. */
import { DtsenStatus } from '../kelurahan/DtsenStatus';
import {
  Alert,
  Anchor,
  Badge,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconBed, IconGitMerge, IconListCheck, IconLogin2, IconPencil } from '@tabler/icons-react';

import { Output } from '../../../../shared/contract';
import { Person } from '../../../../shared/contract/persons';
import { QUALITY_FIELDS } from '../../../../shared/reference/persons';
import { call } from '../../api/rpc';
import { Field, NoValue } from '../../components/Field';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { NotLoaded } from '../../components/PageStates';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { ppksName } from '../../lib/ppks';
import { AgeText, IdentityBadge, NikText, NikWarnings } from './PersonFacts';
import { NewLetterButton } from '../letters/NewLetterButton';
import { PersonExportButton } from './PersonExportButton';
import { PersonExchange } from '../packets/PersonExchange';
import { PersonPhoto } from './PersonPhoto';
import { SectionCard } from '../../components/SectionCard';

const QUALITY_COLOR = { complete: 'teal', partial: 'yellow', unknown: 'orange', refused: 'red' };

function Empty({ quality }: { quality?: string }) {
  const t = useT();
  if (quality && quality !== 'complete')
    return (
      <Badge size="sm" variant="light" color={QUALITY_COLOR[quality as 'unknown']} tt="none">
        {t(`person.quality.${quality as 'unknown'}`)}
      </Badge>
    );
  return <NoValue />;
}

function QualityCard({ person }: { person: Person }) {
  const t = useT();
  const missing = QUALITY_FIELDS.filter((f) => person.quality[f] !== 'complete');
  return (
    <SectionCard title={t('person.quality')} icon={<IconListCheck size={20} />}>
      {missing.length === 0 ? (
        <Text size="sm" c="teal" data-testid="quality-complete">
          {t('person.quality.allComplete')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="quality-missing">
          <Text size="sm" fw={600}>
            {t('person.quality.toComplete')}
          </Text>
          {missing.map((f) => (
            <Group key={f} gap="sm" wrap="nowrap" align="flex-start">
              <Badge
                variant="light"
                color={QUALITY_COLOR[person.quality[f]]}
                tt="none"
                miw={190}
                style={{ flexShrink: 0 }}
                data-testid={`quality-${f}`}
              >
                {t(`person.quality.field.${f}`)}: {t(`person.quality.${person.quality[f]}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t(`person.quality.hint.${f}`)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <NikWarnings
        warnings={person.nikWarnings}
        mt="md"
        title={t('person.nikWarnings')}
        testId="person-nik-warnings"
      />
    </SectionCard>
  );
}

function Details({ person: p }: { person: Person }) {
  const t = useT();
  const q = p.quality;
  return (
    <Stack gap="lg">
      <SectionCard title={t('person.section.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="md">
          <Field label={t('person.nik')} testId="field-nik">
            {p.nik ? <NikText nik={p.nik} /> : <Empty quality={q.nik} />}
          </Field>
          <Field label={t('person.kk')}>
            {p.kk ? (
              <Text size="sm" ff="monospace">
                {p.kk}
              </Text>
            ) : (
              <Empty />
            )}
          </Field>
          <Field label={t('person.identityStatus')}>
            <IdentityBadge status={p.identityStatus} />
          </Field>
          <Field label={t('person.aliases')}>
            {p.aliases.length ? p.aliases.join(', ') : <Empty />}
          </Field>
          <Field label={t('person.identityEvidence')}>{p.identityEvidence ?? <Empty />}</Field>
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={t('person.section.birth')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="md">
          <Field label={t('person.sex')}>{p.sex ? t(`person.sex.${p.sex}`) : <Empty />}</Field>
          <Field label={t('person.birthPlace')}>{p.birthPlace ?? <Empty />}</Field>
          <Field label={t('person.birthDate')} testId="field-birth">
            {p.birthYear !== null ? <AgeText person={p} /> : <Empty quality={q.birthDate} />}
          </Field>
          <Field label={t('person.motherName')}>{p.motherName ?? <Empty />}</Field>
          <Field label={t('person.maritalStatus')}>
            {p.maritalStatus ? t(`person.marital.${p.maritalStatus}`) : <Empty />}
          </Field>
          <Field label={t('person.religion')}>
            {p.religion ? t(`person.religion.${p.religion}`) : <Empty />}
          </Field>
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={t('person.section.address')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <Field label={t('person.origin')} testId="field-origin">
            {p.origin ? p.origin.path : <Empty quality={q.origin} />}
          </Field>
          <Field label={t('person.phone')}>{p.phone ?? <Empty />}</Field>
          <Field label={t('person.address')}>
            {p.address || p.rt || p.rw ? (
              <>
                {p.address}
                {(p.rt || p.rw) && (
                  <Text size="sm" c="dimmed" span ml={p.address ? 6 : 0}>
                    {t('person.rtRw', { rt: p.rt ?? '–', rw: p.rw ?? '–' })}
                  </Text>
                )}
              </>
            ) : (
              <Empty quality={q.address} />
            )}
          </Field>
          <Field label={t('person.village')}>{p.village ? p.village.path : <Empty />}</Field>
        </SimpleGrid>
      </SectionCard>
      {(p.disabilities || p.notes) && (
        <SectionCard title={t('person.section.other')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Field label={t('person.disabilities')}>{p.disabilities ?? <Empty />}</Field>
            <Field label={t('person.notes')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.notes ?? '—'}
              </Text>
            </Field>
          </SimpleGrid>
        </SectionCard>
      )}
    </Stack>
  );
}

type StayBriefs = NonNullable<Output<'persons.get'>['links']['shelter']>['stays'];

function Stays({ stays }: { stays: StayBriefs }) {
  const t = useT();
  const fmt = useFormat();
  const { locale } = useI18n();
  return (
    <SectionCard title={t('person.stays')} icon={<IconBed size={20} />}>
      {stays.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('person.stays.empty')}
        </Text>
      ) : (
        // Fits the card at 1366 px wide; narrower windows scroll the table.
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="person-stays">
            <Table.Thead bg="var(--pelita-table-head)">
              <Table.Tr>
                <Table.Th>{t('history.col.stay')}</Table.Th>
                <Table.Th>{t('history.col.place')}</Table.Th>
                <Table.Th>{t('stay.ppks')}</Table.Th>
                <Table.Th>{t('history.col.exit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stays.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor
                      href={href(`/shelter/stays/${s.id}`)}
                      size="sm"
                      fw={600}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {fmt.date(s.checkinAt)} –{' '}
                      {s.checkoutAt ? fmt.date(s.checkoutAt) : t('stay.active')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.shelterName}</Text>
                    <Text size="xs" c="dimmed">
                      {t('shelter.bed')} {s.bedLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {s.ppks.map((c) => ppksName(c, locale)).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {s.exitType ? (
                      <>
                        <Text size="sm">{t(`exit.${s.exitType as 'left'}`)}</Text>
                        {s.destination && (
                          <Text size="xs" c="dimmed">
                            {s.destination.path}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Badge color="pelita" variant="light" tt="none">
                        {t('stay.active')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

export function PersonPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const q = useQuery(`person:${id}`, () => call('persons.get', { id }));
  const canWrite = me.permissions.includes('persons.write');
  const canCheckIn = me.permissions.includes('shelter.write');
  const canExport = me.permissions.includes('persons.export');

  if (!q.data) return <NotLoaded query={q} />;
  const { person: p, links } = q.data;
  const stays = links.shelter?.stays ?? [];
  const current = stays.find((s) => !s.checkoutAt) ?? null;

  return (
    <>
      <PageHeader
        title={p.fullName}
        subtitle={
          <Group gap={8} component="span" wrap="wrap">
            {p.aliases.length > 0 && (
              <span>{t('person.aliasList', { names: p.aliases.join(', ') })} ·</span>
            )}
            <span>
              {t('person.recorded', {
                created: fmt.date(p.createdAt),
                updated: fmt.dateTime(p.updatedAt),
              })}
            </span>
          </Group>
        }
        actions={
          <>
            {!p.mergedInto && (
              <>
                {canWrite && (
                  <LinkButton variant="default" to={`/persons/${p.id}/edit`} icon={IconPencil}>
                    {t('common.edit')}
                  </LinkButton>
                )}
                {current ? (
                  <LinkButton variant="light" to={`/shelter/stays/${current.id}`} icon={IconBed}>
                    {t('person.openStay')}
                  </LinkButton>
                ) : (
                  canCheckIn && (
                    <LinkButton
                      to="/shelter/checkin"
                      query={{ person: p.id }}
                      icon={IconLogin2}
                      data-testid="person-checkin"
                    >
                      {t('person.checkin')}
                    </LinkButton>
                  )
                )}
              </>
            )}
            <NewLetterButton sourceKind="person" sourceId={p.id} />
            {canExport && <PersonExportButton personId={p.id} />}
          </>
        }
      />
      {p.mergedInto && (
        <Alert
          color="grape"
          variant="light"
          icon={<IconGitMerge size={20} />}
          mb="lg"
          title={t('person.merged')}
        >
          <Anchor href={href(`/persons/${p.mergedInto}`)}>{t('person.mergedInto.open')}</Anchor>
        </Alert>
      )}
      {current && (
        <Alert color="pelita" variant="light" icon={<IconBed size={20} />} mb="lg">
          {t('person.inShelterNow')}: {current.shelterName} · {t('shelter.bed')} {current.bedLabel}{' '}
          · {t('shelter.since', { date: fmt.dateTime(current.checkinAt) })}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <PersonPhoto
                person={p}
                canWrite={canWrite && !p.mergedInto}
                onChanged={() => q.reload()}
                onReload={q.reload}
              />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
          <Stack gap="lg">
            {links.dtsen && <DtsenStatus dtsen={links.dtsen} />}
            <QualityCard person={p} />
            <Details person={p} />
            {links.shelter && <Stays stays={stays} />}
            {links.packets && (
              <PersonExchange
                personId={p.id}
                exchange={links.packets}
                canWrite={canWrite && !p.mergedInto}
                onChanged={q.reload}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
