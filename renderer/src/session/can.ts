/**
 * What the signed-in user may do, decided in one place: a screen, menu item, shortcut or button
 * that leads to a backend method is offered only when the contract's access for that method is
 * held through the user's roles (the same table dispatch checks, shared/roles.ts).
 */
import { useCallback } from 'react';
import { contract, type MethodName } from '../../../shared/contract';
import { canAccess, type Role } from '../../../shared/roles';
import { useMe } from './SessionProvider';

export type Can = (method: MethodName) => boolean;

/** Whether a user holding `roles` may call `method`. */
export function allows(roles: readonly Role[], method: MethodName): boolean {
  return canAccess(contract[method].access, roles);
}

/** `can('complaints.create')`: the check above for the signed-in user. */
export function useCan(): Can {
  const { roles } = useMe();
  return useCallback((method: MethodName) => allows(roles, method), [roles]);
}
