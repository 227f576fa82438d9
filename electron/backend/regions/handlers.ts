import type { regionsContract } from '../../../shared/contract/regions';
import type { HandlersOf } from '../dispatch/context';
import { AppError } from '../errors';
import { getRegion, searchRegions } from './search';

export const regionHandlers: HandlersOf<typeof regionsContract> = {
  async 'regions.search'(input, ctx) {
    // Neighbours first: among equal matches, regions of the office's own province lead.
    const office = await ctx.db.selectFrom('office').select('region_code').executeTakeFirst();
    const prefer = office?.region_code.slice(0, 2);
    return { results: await searchRegions(ctx.db, { ...input, prefer }) };
  },
  async 'regions.get'(input, ctx) {
    const region = await getRegion(ctx.db, input.code);
    if (!region) throw new AppError('NOT_FOUND', 'region.unknown', { code: input.code });
    return region;
  },
};
