/**
 * The key exchange record (berita acara pertukaran kunci), one printed page: this office's key
 * with its fingerprint in groups of four, and room for the partner office's fingerprint as read
 * over the phone, the date and both officers' signatures.
 */
import { Button, Group, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { printWith } from '../../lib/print';
import { useQuery } from '../../lib/useQuery';
import './keyRecord.css';

export function KeyRecordPage() {
  const t = useT();
  const fmt = useFormat();
  const keys = useQuery('packets.keys', () => call('packets.keys', {}));
  return (
    <>
      <PageHeader
        title={t('packets.record.title')}
        actions={
          <Button
            leftSection={<IconPrinter size={16} />}
            onClick={() => printWith('pelita-printing-keyrecord')}
          >
            {t('packets.record.print')}
          </Button>
        }
      />
      <Loaded query={keys}>
        {(k) =>
          k.current ? (
            <Stack>
              <div className="pelita-keyrecord" data-testid="key-record">
                <h2 style={{ textAlign: 'center', margin: 0 }}>{t('packets.record.heading')}</h2>
                <p style={{ textAlign: 'center', marginTop: 4 }}>{k.current.officeName}</p>
                <p>{t('packets.record.intro')}</p>
                <table>
                  <tbody>
                    <tr>
                      <td>{t('packets.record.office')}</td>
                      <td>
                        {k.current.officeName} ({k.current.officeCode})
                      </td>
                    </tr>
                    <tr>
                      <td>{t('packets.card.fingerprint')}</td>
                      <td className="fp">{k.current.fingerprintGroups}</td>
                    </tr>
                    <tr>
                      <td>{t('packets.record.validity')}</td>
                      <td>
                        {fmt.date(k.current.createdAt)} – {fmt.date(k.current.validUntil)}
                      </td>
                    </tr>
                    <tr>
                      <td>{t('packets.card.age')}</td>
                      <td
                        style={{ fontFamily: 'monospace', fontSize: '8pt', wordBreak: 'break-all' }}
                      >
                        {k.current.ageRecipient}
                      </td>
                    </tr>
                    <tr>
                      <td>{t('packets.card.minisign')}</td>
                      <td
                        style={{ fontFamily: 'monospace', fontSize: '8pt', wordBreak: 'break-all' }}
                      >
                        {k.current.minisignPublic}
                      </td>
                    </tr>
                    <tr>
                      <td>{t('packets.record.partner')}</td>
                      <td style={{ height: '12mm' }} />
                    </tr>
                    <tr>
                      <td>{t('packets.record.partnerFingerprint')}</td>
                      <td style={{ height: '12mm' }} />
                    </tr>
                    <tr>
                      <td>{t('packets.record.readAt')}</td>
                      <td style={{ height: '8mm' }} />
                    </tr>
                  </tbody>
                </table>
                <p style={{ fontSize: '9pt' }}>{t('packets.record.note')}</p>
                <table className="signatures">
                  <tbody>
                    <tr>
                      <td>
                        {t('packets.record.signOwn')}
                        <br />
                        <br />
                        <br />
                        <br />( ................................ )
                      </td>
                      <td>
                        {t('packets.record.signPartner')}
                        <br />
                        <br />
                        <br />
                        <br />( ................................ )
                      </td>
                    </tr>
                  </tbody>
                </table>
              </div>
              <Group />
            </Stack>
          ) : (
            <p>{t('packets.keys.none')}</p>
          )
        }
      </Loaded>
    </>
  );
}
