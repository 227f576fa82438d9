/** Pages under `#/shelter`; null when the path is not one of them. */
import type { ReactNode } from 'react';
import { CheckinPage } from './CheckinPage';
import { HistoryPage } from './HistoryPage';
import { ShelterPage } from './ShelterPage';
import { StayPage } from './StayPage';

export function shelterPage(path: string): ReactNode | null {
  if (path === '/shelter') return <ShelterPage />;
  if (path === '/shelter/checkin') return <CheckinPage />;
  if (path === '/shelter/history') return <HistoryPage />;
  const stay = /^\/shelter\/stays\/([0-9a-f-]{36})$/i.exec(path);
  if (stay) return <StayPage key={stay[1]} id={stay[1]!} />;
  return null;
}
