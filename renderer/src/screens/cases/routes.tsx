/** Pages under `#/cases`, each with the method it needs. */
import { route } from '../../lib/router';
import { CaseFiguresPage } from './CaseFigures';
import { CaseNewPage } from './CaseNewPage';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';

export const caseRoutes = [
  route('/cases', () => <CasesPage />, 'cases.list'),
  route('/cases/new', () => <CaseNewPage />, 'cases.create'),
  route('/cases/figures', () => <CaseFiguresPage />, 'cases.figures'),
  route('/cases/:id', ({ id }) => <CasePage key={id} id={id} />, 'cases.get'),
];
