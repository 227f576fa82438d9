import type { appContract } from '../../../shared/contract/app';
import type { HandlersOf } from '../dispatch/context';
import { reindexProgress } from '../persons/reindex';

export const statusHandlers: HandlersOf<typeof appContract> = {
  async 'app.status'(_input, ctx) {
    const reindex = await reindexProgress(ctx.db);
    return { reindex: reindex && { done: reindex.done, total: reindex.total } };
  },
};
