import type { z } from 'zod';
import type { Access } from '../roles';

/** One backend method as both sides see it. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Who may call it; checked by dispatch before the input is even parsed. */
  access: Access;
  /** Writes run in one transaction and are recorded in the audit trail. */
  write: boolean;
  /** Sign-in and setup start a session; logout ends it. The transport keeps the token. */
  session?: 'start' | 'end';
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  def: MethodDef<I, O>,
): MethodDef<I, O> {
  return def;
}
