/** Pages under `#/shelter`, each with the method it needs. */
import { route } from '../../lib/router';
import { CheckinPage } from './CheckinPage';
import { HistoryPage } from './HistoryPage';
import { ShelterPage } from './ShelterPage';
import { StayPage } from './StayPage';

export const shelterRoutes = [
  route('/shelter', () => <ShelterPage />, 'stays.roster'),
  route('/shelter/checkin', () => <CheckinPage />, 'stays.checkIn'),
  route('/shelter/history', () => <HistoryPage />, 'stays.history'),
  route('/shelter/stays/:id', ({ id }) => <StayPage key={id} id={id} />, 'stays.get'),
];
