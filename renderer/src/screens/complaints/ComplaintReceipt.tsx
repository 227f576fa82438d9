/**
 * `#/complaints/<id>/receipt`: the tanda terima the desk hands over, on the office letterhead.
 * Printed through the browser's own print (works in the browser host and in Electron): the
 * print button first records the print (complaints.receiptPrinted, audited), then prints only
 * the receipt (see receipt.css). The receipt is an official document, so it is always in
 * Bahasa Indonesia, whatever the screen language.
 */
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Complaint } from '../../../../shared/contract/complaints';
import type { Office } from '../../../../shared/contract/office';
import { formatDateLong, formatTime } from '../../../../shared/format';
import { translate, type MessageKey } from '../../../../shared/i18n';
import { call } from '../../api/rpc';
import { LoadError, PageLoader } from '../../components/PageStates';
import { LinkButton } from '../../components/LinkButton';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';

import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { printWith } from '../../lib/print';
import './receipt.css';

const id = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('id', key, params);

/** "Kota Banjarbaru" → "PEMERINTAH KOTA BANJARBARU"; "DINAS SOSIAL" from the office name. */
function letterhead(office: Office): { government: string; agency: string; city: string } {
  const region = office.regionName ?? '';
  const agency = region
    ? office.name.replace(
        new RegExp(`\\s*${region.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i'),
        '',
      )
    : office.name;
  const city = region.replace(/^(Kota|Kabupaten|Kab\.)\s+/i, '');
  return {
    government: region ? `PEMERINTAH ${region.toUpperCase()}` : '',
    agency: (agency || office.name).toUpperCase(),
    city: city || region,
  };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="pelita-receipt-colon">:</td>
      <td>{children}</td>
    </tr>
  );
}

function ReceiptSheet({
  c,
  office,
  followUp,
  printedBy,
}: {
  c: Complaint;
  office: Office;
  followUp: string;
  printedBy: string;
}) {
  const tz = office.timeZone;
  const head = letterhead(office);
  const received = `${formatDateLong(c.receivedAt, { locale: 'id', timeZone: tz })}, ${id('complaint.receipt.at')} ${formatTime(c.receivedAt, { locale: 'id', timeZone: tz })}`;
  const summary = c.description.length > 600 ? `${c.description.slice(0, 597)}…` : c.description;
  const reporter = c.reporterHidden
    ? id('complaint.receipt.reporterConfidential')
    : c.reporterAnonymous
      ? id('complaint.reporter.anonymous')
      : c.reporterName;
  const due = (stage: 'verify' | 'answer' | 'complete') => {
    const d = c.deadlines.find((x) => x.stage === stage)!;
    return formatDateLong(`${d.due}T12:00:00Z`, { locale: 'id', timeZone: 'UTC' });
  };
  return (
    <article className="pelita-receipt" data-testid="receipt" lang="id">
      <header className="pelita-letterhead">
        {head.government && <div className="pelita-letterhead-gov">{head.government}</div>}
        <div className="pelita-letterhead-agency">{head.agency}</div>
        <div className="pelita-letterhead-address">
          {[office.address, office.phone && `Telp. ${office.phone}`, office.email]
            .filter(Boolean)
            .join(' · ')}
        </div>
      </header>
      <h1 className="pelita-receipt-title">
        {id(c.kind === 'data_service' ? 'complaint.receipt.titleData' : 'complaint.receipt.title')}
      </h1>
      <div className="pelita-receipt-number">
        {id('complaint.receipt.number')}: <strong>{c.number}</strong>
      </div>
      <p>
        {id(c.kind === 'data_service' ? 'complaint.receipt.introData' : 'complaint.receipt.intro')}
      </p>
      <table className="pelita-receipt-table">
        <tbody>
          <Row label={id('complaint.receipt.received')}>{received}</Row>
          <Row label={id('complaint.channel')}>
            {id(`complaint.channel.${c.channel}`)}
            {c.channelRef ? ` (${c.channelRef})` : ''}
          </Row>
          <Row label={id('complaint.reporter')}>{reporter}</Row>
          {c.serviceType && (
            <Row label={id('complaint.serviceType')}>
              {id(`complaint.serviceType.${c.serviceType}`)}
            </Row>
          )}
          <Row label={id('complaint.category')}>{c.category.name}</Row>
          <Row label={id('complaint.subject')}>{c.subject}</Row>
          {(c.locationAddress || c.region) && (
            <Row label={id('complaint.location')}>
              {[c.locationAddress, c.region?.path].filter(Boolean).join(', ')}
            </Row>
          )}
          <Row label={id('complaint.receipt.summary')}>{summary}</Row>
        </tbody>
      </table>
      <h2 className="pelita-receipt-subtitle">{id('complaint.receipt.schedule')}</h2>
      <table className="pelita-receipt-table">
        <tbody>
          <Row label={id('complaint.receipt.verifyBy')}>{due('verify')}</Row>
          <Row label={id('complaint.receipt.answerBy')}>{due('answer')}</Row>
          <Row label={id('complaint.receipt.completeBy')}>{due('complete')}</Row>
        </tbody>
      </table>
      <p className="pelita-receipt-note">{id('complaint.receipt.workingDays')}</p>
      <h2 className="pelita-receipt-subtitle">{id('complaint.receipt.followUp')}</h2>
      <p>{followUp}</p>
      <div className="pelita-receipt-sign">
        <div>
          {head.city ? `${head.city}, ` : ''}
          {formatDateLong(c.createdAt, { locale: 'id', timeZone: tz }).replace(/^[^,]+,\s*/, '')}
        </div>
        <div>{id('complaint.receipt.officer')}</div>
        <div className="pelita-receipt-sign-space" />
        <div className="pelita-receipt-sign-name">{c.createdBy?.fullName ?? printedBy}</div>
      </div>
    </article>
  );
}

export function ComplaintReceiptPage({ id: complaintId }: { id: string }) {
  const t = useT();
  const me = useMe();
  const handle = useFailureHandler();
  const canPrint = me.permissions.includes('complaints.write');
  const complaint = useQuery(`receipt:${complaintId}`, () =>
    call('complaints.get', { id: complaintId }),
  );
  const office = useQuery('office', () => call('office.get', {}));
  const settings = useQuery('complaint-settings', () => call('complaints.settings', {}));
  const [busy, setBusy] = useState(false);
  const [prints, setPrints] = useState<number | null>(null);

  const error = complaint.error ?? office.error ?? settings.error;
  if (error && !(complaint.data && office.data && settings.data))
    return <LoadError error={error} onRetry={complaint.reload} />;
  if (!complaint.data || !office.data || !settings.data) return <PageLoader />;
  const c = complaint.data;

  const print = async () => {
    setBusy(true);
    try {
      // Recorded first: a print that is not in the audit trail does not happen.
      const r = await call('complaints.receiptPrinted', { id: c.id });
      setPrints(r.receiptPrints);
    } catch (e) {
      setBusy(false);
      handle(e);
      return;
    }
    printWith('pelita-printing-receipt');
    setBusy(false);
  };

  const count = prints ?? c.receiptPrints;
  return (
    <>
      <Group justify="space-between" mb="lg" className="pelita-no-print" wrap="wrap">
        <LinkButton to={`/complaints/${c.id}`} variant="subtle" icon={IconArrowLeft}>
          {t('complaint.receipt.back', { number: c.number })}
        </LinkButton>
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid="receipt-prints">
            {count === 0
              ? t('complaint.receiptPrints.none')
              : t('complaint.receiptPrints.count', { count })}
          </Text>
          {canPrint && (
            <Button
              leftSection={<IconPrinter size={18} />}
              onClick={() => void print()}
              loading={busy}
              data-testid="print-receipt"
              data-autofocus
              autoFocus
            >
              {t('complaint.receipt.print')}
            </Button>
          )}
        </Group>
      </Group>
      {!canPrint && (
        <Alert
          className="pelita-no-print"
          color="gray"
          variant="light"
          role="note"
          icon={<IconInfoCircle size={18} />}
          mb="lg"
        >
          {t('complaint.receipt.viewOnly')}
        </Alert>
      )}
      <Paper className="pelita-receipt-paper" withBorder shadow="sm" radius="sm" mx="auto">
        <ReceiptSheet
          c={c}
          office={office.data}
          followUp={settings.data.followUpText}
          printedBy={me.fullName}
        />
      </Paper>
      <div className="pelita-print-hint">{t('complaint.receipt.useButton')}</div>
    </>
  );
}
