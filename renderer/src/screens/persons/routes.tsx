/** Pages under `#/persons`, each with the method it needs. */
import { route } from '../../lib/router';
import { PersonEditPage, PersonNewPage } from './PersonFormPage';
import { PersonPage } from './PersonPage';
import { PersonsPage } from './PersonsPage';

export const personRoutes = [
  route('/persons', () => <PersonsPage />, 'persons.search'),
  route('/persons/new', () => <PersonNewPage />, 'persons.create'),
  route('/persons/:id', ({ id }) => <PersonPage key={id} id={id} />, 'persons.get'),
  route('/persons/:id/edit', ({ id }) => <PersonEditPage key={id} id={id} />, 'persons.update'),
];
