/** Pages under `#/letters`, each with the method it needs. */
import { route } from '../../lib/router';
import { LetterPage } from './LetterPage';
import { LettersPage } from './LettersPage';
import { VerifyLetterPage } from './VerifyLetterPage';

export const letterRoutes = [
  route('/letters', () => <LettersPage />, 'letters.register'),
  route('/letters/verify', () => <VerifyLetterPage />, 'letters.verify'),
  route('/letters/:id', ({ id }) => <LetterPage key={id} id={id} />, 'letters.get'),
];
