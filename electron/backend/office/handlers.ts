import type { officeContract } from '../../../shared/contract/office';
import { diffRecords } from '../audit/diff';
import { assertUpdated, nextVersion } from '../db/versioned';
import type { HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { notFound } from '../errors';
import { assertRegency, loadOffice, officeColumns } from './store';

export const officeHandlers: HandlersOf<typeof officeContract> = {
  async 'office.get'(_input, ctx) {
    const office = await loadOffice(ctx.db);
    if (!office) throw notFound();
    return office;
  },

  async 'office.update'(input, ctx) {
    const user = requireUser(ctx);
    const before = await ctx.db
      .selectFrom('office')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirst();
    if (!before) throw notFound();
    await assertRegency(ctx.db, input.regionCode, ['regionCode']);
    const columns = officeColumns(input);
    const result = await ctx.db
      .updateTable('office')
      .set({ ...columns, updated_at: ctx.nowIso, updated_by: user.id, version: nextVersion })
      .where('id', '=', 1)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    ctx.audit({ recordType: 'office', recordId: '1', changes: diffRecords(before, columns) });
    return (await loadOffice(ctx.db))!;
  },
};
