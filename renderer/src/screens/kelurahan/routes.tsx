/** Pages of data from the kelurahan: findings, the PPKS rekap and DTSEN lists. */
import { route } from '../../lib/router';
import { DtsenPage } from './DtsenPage';
import { FindingNewPage } from './FindingForm';
import { FindingPage } from './FindingPage';
import { FindingsPage } from './FindingsPage';
import { RekapPage } from './RekapPage';

export const kelurahanRoutes = [
  route('/findings', () => <FindingsPage />, 'findings.list'),
  route('/findings/new', () => <FindingNewPage />, 'findings.create'),
  route('/findings/:id', ({ id }) => <FindingPage key={id} id={id} />, 'findings.get'),
  route('/rekap', () => <RekapPage />, 'rekap.get'),
  route('/dtsen', () => <DtsenPage />, 'dtsen.lists'),
];
