/** Pages under `#/complaints`, each with the method it needs. */
import { route } from '../../lib/router';
import { ComplaintFiguresPage } from './ComplaintFigures';
import { ComplaintEditPage, ComplaintNewPage } from './ComplaintForm';
import { ComplaintPage } from './ComplaintPage';
import { ComplaintReceiptPage } from './ComplaintReceipt';
import { ComplaintsPage } from './ComplaintsPage';

export const complaintRoutes = [
  route('/complaints', () => <ComplaintsPage />, 'complaints.list'),
  route('/complaints/new', () => <ComplaintNewPage />, 'complaints.create'),
  route('/complaints/figures', () => <ComplaintFiguresPage />, 'complaints.stats'),
  route('/complaints/:id', ({ id }) => <ComplaintPage key={id} id={id} />, 'complaints.get'),
  route(
    '/complaints/:id/edit',
    ({ id }) => <ComplaintEditPage key={id} id={id} />,
    'complaints.update',
  ),
  route(
    '/complaints/:id/receipt',
    ({ id }) => <ComplaintReceiptPage key={id} id={id} />,
    'complaints.get',
  ),
];
