/** Pages under `#/persons`. */
import { route } from '../../lib/router';
import { PersonEditPage, PersonNewPage } from './PersonFormPage';
import { PersonPage } from './PersonPage';
import { PersonsPage } from './PersonsPage';

export const personRoutes = [
  route('/persons', () => <PersonsPage />),
  route('/persons/new', () => <PersonNewPage />),
  route('/persons/:id', ({ id }) => <PersonPage key={id} id={id} />),
  route('/persons/:id/edit', ({ id }) => <PersonEditPage key={id} id={id} />),
];
