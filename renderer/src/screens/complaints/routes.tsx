/** Pages under `#/complaints`; null when the path is not one of them. */
import type { ReactNode } from 'react';
import { ComplaintFiguresPage } from './ComplaintFigures';
import { ComplaintEditPage, ComplaintNewPage } from './ComplaintForm';
import { ComplaintPage } from './ComplaintPage';
import { ComplaintReceiptPage } from './ComplaintReceipt';
import { ComplaintsPage } from './ComplaintsPage';

export function complaintsPage(path: string): ReactNode | null {
  if (path === '/complaints') return <ComplaintsPage />;
  if (path === '/complaints/new') return <ComplaintNewPage />;
  if (path === '/complaints/figures') return <ComplaintFiguresPage />;
  const m = /^\/complaints\/([0-9a-f-]{36})(\/edit|\/receipt)?$/i.exec(path);
  if (!m) return null;
  const id = m[1]!;
  if (m[2] === '/edit') return <ComplaintEditPage key={id} id={id} />;
  if (m[2] === '/receipt') return <ComplaintReceiptPage key={id} id={id} />;
  return <ComplaintPage key={id} id={id} />;
}
