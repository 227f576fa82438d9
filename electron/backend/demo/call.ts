import type { Backend } from '../app';

/** A demo step through the real dispatch: validated and audited like real work. */
export async function demoCall<T = Record<string, unknown>>(
  backend: Backend,
  token: string | null,
  method: string,
  input: unknown,
): Promise<{ data: T; token: string | null }> {
  const result = await backend.dispatch(token, method, input);
  if (!result.response.ok) {
    throw new Error(
      `Demo data: ${method} failed: ${result.response.error.message.en} ${JSON.stringify(result.response.error.issues ?? [])}`,
    );
  }
  const next = result.session && 'set' in result.session ? result.session.set : token;
  return { data: result.response.data as T, token: next };
}
