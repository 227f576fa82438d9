/** Pages under `#/shelter`. */
import { route } from '../../lib/router';
import { CheckinPage } from './CheckinPage';
import { HistoryPage } from './HistoryPage';
import { ShelterPage } from './ShelterPage';
import { StayPage } from './StayPage';

export const shelterRoutes = [
  route('/shelter', () => <ShelterPage />),
  route('/shelter/checkin', () => <CheckinPage />),
  route('/shelter/history', () => <HistoryPage />),
  route('/shelter/stays/:id', ({ id }) => <StayPage key={id} id={id} />),
];
