/**
 * `#/cases/figures`: case figures for a period — PPKS served by category and by kecamatan and
 * kelurahan of the city (the SPM count), cases opened and closed, closure reasons, median days,
 * caseload per caseworker, referrals by destination and outcome.
 */
import { SimpleGrid } from '@mantine/core';
import { callChecked } from '../../api/rpc';
import { Bars, Figure, FiguresFrame } from '../../components/Figures';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { ppksName } from '../../lib/ppks';

export function CaseFiguresPage() {
  const t = useT();
  const { locale } = useI18n();
  const fmt = useFormat();
  const days = (v: number | null) =>
    v === null ? '—' : t('case.ui.figures.days', { days: fmt.decimal(v) });
  const place = (r: { region: { name: string } | null }) =>
    r.region?.name ?? t('case.ui.figures.elsewhere');
  return (
    <>
      <PageHeader title={t('nav.cases.figures')} subtitle={t('case.ui.figures.subtitle')} />
      <FiguresFrame
        name="case-figures"
        load={(p) => callChecked('cases.figures', p)}
        periodText={(dates) => t('case.ui.figures.period', dates)}
        testId="case-figures"
      >
        {(f) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
              <Figure
                label={t('case.ui.figures.served')}
                value={f.personsServed}
                hint={t('case.ui.figures.servedHint')}
              />
              <Figure label={t('case.ui.figures.opened')} value={f.opened} />
              <Figure label={t('case.ui.figures.closed')} value={f.closed} />
              <Figure
                label={t('case.ui.figures.medianAssessment')}
                value={days(f.medianDaysToAssessmentApproval)}
              />
              <Figure
                label={t('case.ui.figures.medianClosure')}
                value={days(f.medianDaysToClosure)}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Bars
                title={t('case.ui.figures.byPpks')}
                total={f.personsServed}
                testId="figures-ppks"
                rows={f.servedByPpks.map((r) => ({
                  label: ppksName(r.ppks, locale),
                  count: r.count,
                }))}
              />
              <Bars
                title={t('case.ui.figures.byKecamatan')}
                total={f.personsServed}
                rows={f.servedByKecamatan.map((r) => ({ label: place(r), count: r.count }))}
              />
              <Bars
                title={t('case.ui.figures.byKelurahan')}
                total={f.personsServed}
                rows={f.servedByKelurahan.map((r) => ({ label: place(r), count: r.count }))}
              />
              <Bars
                title={t('case.ui.figures.closureReasons')}
                total={f.closed}
                rows={f.closureReasons.map((r) => ({
                  label: t(`case.closureReason.${r.reason}`),
                  count: r.count,
                }))}
              />
              <Bars
                title={t('case.ui.figures.caseload')}
                total={Math.max(1, ...f.caseload.map((c) => c.count))}
                rows={f.caseload.map((r) => ({ label: r.caseworker.fullName, count: r.count }))}
              />
              <Bars
                title={t('case.ui.figures.referrals')}
                total={f.referralsByAgency.reduce((a, r) => a + r.count, 0)}
                rows={[
                  ...f.referralsByAgency.map((r) => ({
                    label: t(`referral.agency.${r.agencyKind}`),
                    count: r.count,
                  })),
                  ...f.referralsByOutcome.map((r) => ({
                    label: `${t(`referral.state.${r.state}`)}${r.outcome ? ` · ${t(`referral.outcome.${r.outcome}`)}` : ''}`,
                    count: r.count,
                  })),
                ]}
              />
            </SimpleGrid>
          </>
        )}
      </FiguresFrame>
    </>
  );
}
