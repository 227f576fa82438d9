import { z } from 'zod';
import { method } from './method';
import { empty } from './schemas';

/** Work the backend does in the background, for the banner in the window. */
export const appStatus = z.object({
  /** A rebuild of the name search index after a change of the spelling rules, while it runs. */
  reindex: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const appContract = {
  'app.status': method({ access: 'signedIn', write: false, input: empty, output: appStatus }),
};
