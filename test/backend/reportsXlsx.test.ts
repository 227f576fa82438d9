/**
 * The XLSX writer on its own: rows handed to the worker in several chunks come back whole and in
 * order, each kind of column reads back as its type, text that XML would choke on survives, and
 * each sheet keeps its title, header and rows.
 */
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { writeWorkbook, type Cell } from '../../electron/backend/reports/xlsx';

describe('XLSX writer', () => {
  it('writes rows across chunks with text, numbers, percentages and dates as their types', async () => {
    const rows: Cell[][] = Array.from({ length: 4500 }, (_, i) => [
      `Orang ${i}`,
      `63720112${String(i).padStart(8, '0')}`,
      i * 1000,
      12.5,
      '1990-05-01',
      '2026-10-28T02:00:00.000Z',
      i % 2 ? null : 'ada',
    ]);
    rows[7]![0] = 'A & B <C> "D"\u0001x';
    let stats = { heapPeakMb: 0 };
    const bytes = await writeWorkbook(
      {
        offsetMinutes: 480,
        sheets: [
          {
            name: 'Orang & lain',
            title: ['Kantor', 'Daftar'],
            columns: [
              { header: 'Nama', kind: 'text' },
              { header: 'NIK', kind: 'text' },
              { header: 'Jumlah', kind: 'int' },
              { header: 'Persen', kind: 'percent' },
              { header: 'Lahir', kind: 'date' },
              { header: 'Masuk', kind: 'datetime' },
              { header: 'Catatan', kind: 'text' },
            ],
            rows,
          },
          {
            name: 'Kedua',
            title: ['Kantor'],
            columns: [{ header: 'Nilai', kind: 'decimal' }],
            rows: [[1.5], [null], [2]],
          },
        ],
      },
      (s) => (stats = s),
    );
    expect(stats.heapPeakMb).toBeGreaterThan(0);
    const [first, second] = await readXlsxFile(Buffer.from(bytes));
    expect(first!.sheet).toBe('Orang & lain');
    expect(first!.data[0]![0]).toBe('Kantor');
    expect(first!.data[3]).toEqual([
      'Nama',
      'NIK',
      'Jumlah',
      'Persen',
      'Lahir',
      'Masuk',
      'Catatan',
    ]);
    const body = first!.data.slice(4);
    expect(body).toHaveLength(4500);
    expect(body[0]).toEqual([
      'Orang 0',
      '6372011200000000',
      0,
      0.125,
      new Date('1990-05-01T00:00:00Z'),
      new Date('2026-10-28T10:00:00Z'),
      'ada',
    ]);
    expect(body[7]![0]).toBe('A & B <C> "D"x');
    expect(body[4499]![0]).toBe('Orang 4499');
    expect(body[4499]![2]).toBe(4_499_000);
    expect(body[4499]![6]).toBeNull();
    expect(second!.sheet).toBe('Kedua');
    expect(second!.data.slice(2)).toEqual([['Nilai'], [1.5], [null], [2]]);

    // Formats Excel shows: thousands separators, percent, Indonesian day order; frozen headers.
    const files = unzipSync(bytes);
    const styles = strFromU8(files['xl/styles.xml']!);
    expect(styles).toContain('formatCode="0.0%"');
    expect(styles).toContain('formatCode="dd/mm/yyyy"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<pane ySplit="4" topLeftCell="A5"');
    expect(sheet).toContain('<mergeCell ref="A1:G1"/>');
  });
});
