import { z } from 'zod';
import { method } from './method';
import { regionCode, searchInput } from './schemas';

/** 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 kelurahan/desa. */
export const regionLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type RegionLevel = z.infer<typeof regionLevel>;

export const regionItem = z.object({ code: z.string(), name: z.string(), level: regionLevel });

/** A region with its ancestors, province first, so pickers can show the full path. */
export const region = regionItem.extend({ parents: z.array(regionItem) });
export type Region = z.infer<typeof region>;

/** Region names are public reference data: the first-run setup needs them before any account exists. */
export const regionsContract = {
  'regions.search': method({
    access: 'public',
    write: false,
    input: z.strictObject({
      ...searchInput,
      levels: z.array(regionLevel).min(1).optional(),
      /** Only regions inside this code (e.g. 63 for Kalimantan Selatan). */
      within: regionCode.optional(),
    }),
    output: z.object({ results: z.array(region) }),
  }),
  'regions.get': method({
    access: 'public',
    write: false,
    input: z.strictObject({ code: regionCode }),
    output: region,
  }),
};
