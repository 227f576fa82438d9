/** Pages under `#/complaints`. */
import { route } from '../../lib/router';
import { ComplaintFiguresPage } from './ComplaintFigures';
import { ComplaintEditPage, ComplaintNewPage } from './ComplaintForm';
import { ComplaintPage } from './ComplaintPage';
import { ComplaintReceiptPage } from './ComplaintReceipt';
import { ComplaintsPage } from './ComplaintsPage';

export const complaintRoutes = [
  route('/complaints', () => <ComplaintsPage />),
  route('/complaints/new', () => <ComplaintNewPage />),
  route('/complaints/figures', () => <ComplaintFiguresPage />),
  route('/complaints/:id', ({ id }) => <ComplaintPage key={id} id={id} />),
  route('/complaints/:id/edit', ({ id }) => <ComplaintEditPage key={id} id={id} />),
  route('/complaints/:id/receipt', ({ id }) => <ComplaintReceiptPage key={id} id={id} />),
];
