/** Pages under `#/persons`; null when the path is not one of them. */
import type { ReactNode } from 'react';
import { PersonEditPage, PersonNewPage } from './PersonFormPage';
import { PersonPage } from './PersonPage';
import { PersonsPage } from './PersonsPage';

export function personsPage(path: string): ReactNode | null {
  if (path === '/persons') return <PersonsPage />;
  if (path === '/persons/new') return <PersonNewPage />;
  const m = /^\/persons\/([0-9a-f-]{36})(\/edit)?$/i.exec(path);
  if (m)
    return m[2] ? <PersonEditPage key={m[1]} id={m[1]!} /> : <PersonPage key={m[1]} id={m[1]!} />;
  return null;
}
