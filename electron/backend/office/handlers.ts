import type { officeContract } from '../../../shared/contract/office';
import { changeTracked, loadForChange, updateVersioned } from '../db/tracked';
import { attachableFile, releaseFile } from '../files/references';
import type { HandlersOf } from '../dispatch/context';
import { notFound } from '../errors';
import { hideChecklist, loadChecklist } from './checklist';
import { assertOfficeKelurahan, assertRegency, loadOffice, officeColumns } from './store';

export const officeHandlers: HandlersOf<typeof officeContract> = {
  async 'office.get'(_input, ctx) {
    const office = await loadOffice(ctx.db);
    if (!office) throw notFound();
    return office;
  },

  async 'office.update'(input, ctx) {
    await assertRegency(ctx.db, input.regionCode, ['regionCode']);
    await assertOfficeKelurahan(ctx.db, input, ['kelurahanCode']);
    await changeTracked(ctx, 'office', 1, input.version, officeColumns(input), {
      recordType: 'office',
    });
    return (await loadOffice(ctx.db))!;
  },

  async 'office.setLogo'(input, ctx) {
    const before = await loadForChange(ctx.db, 'office', 1, input.version);
    if (input.fileId) await attachableFile(ctx, input.fileId, 'officeLogo', ['fileId']);
    await updateVersioned(
      ctx,
      'office',
      before,
      { logo_file_id: input.fileId },
      {
        recordType: 'office',
      },
    );
    if (before.logo_file_id !== input.fileId) await releaseFile(ctx, before.logo_file_id);
    return (await loadOffice(ctx.db))!;
  },

  async 'office.checklist'(_input, ctx) {
    return loadChecklist(ctx.db, ctx.now);
  },

  async 'office.hideChecklist'(_input, ctx) {
    await hideChecklist(ctx);
    return { ok: true as const };
  },
};
