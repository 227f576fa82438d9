/**
 * The PPKS rekap as an XLSX workbook through the reports' writer: one sheet per level
 * (kelurahan, kecamatan, city), a row per area with its count per PPKS category (the 26, in
 * order, codes and names in the header), the total and the count from each source. Counts only:
 * nobody's name is in it.
 */
import type { RekapRow } from '../../../shared/contract/rekap';
import { REKAP_SOURCES } from '../../../shared/contract/rekap';
import { translate } from '../../../shared/i18n';
import { PPKS_CODES } from '../../../shared/reference/ppks';
import { ppksLabel } from '../reports/ppksNames';
import { sheetName, type SheetSpec } from '../reports/xlsx';

export interface RekapBook {
  kelurahans: (RekapRow & { kecamatan: string })[];
  kecamatans: RekapRow[];
  city: RekapRow | null;
}

/** The sheets for `rekap`; `title` goes above each (office, what and period, made when). */
export function rekapSheets(rekap: RekapBook, title: string[], cityName: string): SheetSpec[] {
  const counts = [
    ...PPKS_CODES.map((code) => ({ header: ppksLabel(code)[0], kind: 'int' as const, width: 12 })),
    { header: 'Jumlah', kind: 'int' as const, width: 10 },
    ...REKAP_SOURCES.map((s) => ({
      header: `Dari ${translate('id', `rekap.source.${s}`).toLowerCase()}`,
      kind: 'int' as const,
      width: 12,
    })),
  ];
  const values = (r: RekapRow) => [
    ...PPKS_CODES.map((code) => r.counts[code] ?? 0),
    r.total,
    ...REKAP_SOURCES.map((s) => r.bySource[s] ?? 0),
  ];
  const taken = new Set<string>();
  const sheets: SheetSpec[] = [
    {
      name: sheetName('Per kelurahan', taken),
      title,
      columns: [
        { header: 'Kecamatan', kind: 'text', width: 22 },
        { header: 'Kode', kind: 'text', width: 14 },
        { header: 'Kelurahan', kind: 'text', width: 22 },
        ...counts,
      ],
      rows: rekap.kelurahans.map((r) => [r.kecamatan, r.code, r.name, ...values(r)]),
    },
    {
      name: sheetName('Per kecamatan', taken),
      title,
      columns: [
        { header: 'Kode', kind: 'text', width: 12 },
        { header: 'Kecamatan', kind: 'text', width: 22 },
        ...counts,
      ],
      rows: rekap.kecamatans.map((r) => [r.code, r.name, ...values(r)]),
    },
  ];
  if (rekap.city)
    sheets.push({
      name: sheetName('Kota', taken),
      title,
      columns: [
        { header: 'Kode', kind: 'text', width: 12 },
        { header: 'Kota', kind: 'text', width: 22 },
        ...counts,
      ],
      rows: [[rekap.city.code, cityName, ...values(rekap.city)]],
    });
  return sheets;
}
