import type { regionsContract } from '../../../shared/contract/regions';
import type { HandlersOf } from '../dispatch/context';
import { AppError } from '../errors';
import { getRegion, searchRegions } from './search';

export const regionHandlers: HandlersOf<typeof regionsContract> = {
  async 'regions.search'(input, ctx) {
    return { results: await searchRegions(ctx.db, input) };
  },
  async 'regions.get'(input, ctx) {
    const region = await getRegion(ctx.db, input.code);
    if (!region) throw new AppError('NOT_FOUND', 'region.unknown', { code: input.code });
    return region;
  },
};
