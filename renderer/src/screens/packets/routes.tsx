/** Pages of the exchange with partner offices, each with the method it needs. */
import { route } from '../../lib/router';
import { ExchangePage } from './ExchangePage';
import { ExportPage } from './ExportPage';
import { InboxPage } from './InboxPage';
import { KeyRecordPage } from './KeyRecordPage';

export const packetRoutes = [
  route('/packets', () => <ExchangePage />, 'packets.inbox'),
  route('/packets/export', () => <ExportPage />, 'packets.export'),
  route('/packets/inbox/:id', ({ id }) => <InboxPage key={id} id={id} />, 'packets.staged'),
  route('/admin/exchange-keys/record', () => <KeyRecordPage />, 'packets.keys'),
];
