/**
 * Screens follow the backend's permission table: a route names the method it exists for, and a
 * user whose roles may not call that method gets the no-access page, never the form.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { canAccess, ROLES, type Role } from '../../shared/roles';
import { resolveRoute } from '../../renderer/src/lib/router';
import { allows } from '../../renderer/src/session/can';
import { ADMIN_ENTRIES, ROUTES, SECTION_ENTRIES } from '../../renderer/src/screens/appRoutes';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const outcome = (role: Role, path: string) =>
  resolveRoute(ROUTES, path, (m) => allows([role], m)).kind;

describe('route access', () => {
  it('a viewer typing a form address gets no page, only the no-access answer', () => {
    for (const path of [
      '/complaints/new',
      `/complaints/${ID}/edit`,
      '/shelter/checkin',
      '/persons/new',
      `/persons/${ID}/edit`,
      '/admin/users',
      '/admin/office',
    ])
      expect([path, outcome('viewer', path)]).toEqual([path, 'denied']);
  });

  it('a viewer still reads lists and records', () => {
    for (const path of ['/', '/complaints', `/complaints/${ID}`, '/shelter', '/persons'])
      expect([path, outcome('viewer', path)]).toEqual([path, 'page']);
  });

  it('roles that may write get their forms', () => {
    expect(outcome('complaint_officer', '/complaints/new')).toBe('page');
    expect(outcome('shelter_staff', '/shelter/checkin')).toBe('page');
    expect(outcome('shelter_staff', '/complaints/new')).toBe('denied');
    expect(outcome('caseworker', '/shelter/checkin')).toBe('denied');
    expect(outcome('admin', '/admin/office')).toBe('page');
  });

  it('an unknown address is not found, whatever the role', () => {
    expect(outcome('admin', '/tidak-ada')).toBe('notFound');
  });

  it('every page but home names a method, and the decision is the backend table', () => {
    for (const r of ROUTES) {
      if (r.pattern === '/') continue;
      expect([r.pattern, r.needs && r.needs in contract]).toEqual([r.pattern, true]);
      for (const role of ROLES)
        expect(allows([role], r.needs!)).toBe(canAccess(contract[r.needs!].access, [role]));
    }
    for (const e of [...SECTION_ENTRIES, ...ADMIN_ENTRIES]) expect(e.needs in contract).toBe(true);
  });
});
