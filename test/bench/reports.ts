/**
 * Reports on the bench database: each report for the last full year through the real dispatch
 * (target under 2 s each), and an XLSX register of 100,000 people made in the worker thread
 * (target under 15 s, memory under 600 MB: the process's peak RSS while it runs, which holds
 * both threads; the worker's own V8 heap at its peak is reported beside it).
 */
import type { Backend } from '../../electron/backend/app';
import { registerRows } from '../../electron/backend/reports/registers';
import { writeWorkbook } from '../../electron/backend/reports/xlsx';
import { REPORT_IDS } from '../../shared/reference/reports';
import { previousPeriod } from '../../shared/reports/period';

export interface ReportFigures {
  report_year_max_ms: number;
  report_year_ms: Record<string, number>;
  /** CPU time of each (this process): what a run costs when the machine is not shared. */
  report_year_cpu_ms: Record<string, number>;
  xlsx_rows: number;
  xlsx_100k_s: number;
  xlsx_peak_rss_mb: number;
  xlsx_worker_heap_mb: number;
}

export async function benchReports(
  b: Backend,
  token: string | null,
  now: Date,
  rows = 100_000,
): Promise<ReportFigures> {
  const year = previousPeriod('year', now.toISOString().slice(0, 10));
  const perReport: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  for (const report of REPORT_IDS) {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = await b.dispatch(token, 'reports.run', { report, period: year });
    if (!r.response.ok) throw new Error(`reports.run ${report}: ${r.response.error.key}`);
    perReport[report] = Math.round(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu[report] = Math.round((used.user + used.system) / 1000);
  }

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = performance.now();
  const list = await registerRows(b.db, 'persons', {
    from: '2000-01-01',
    to: now.toISOString().slice(0, 10),
    timeZone: 'Asia/Makassar',
    limit: rows,
  });
  let workerHeap = 0;
  const bytes = await writeWorkbook(
    {
      sheets: [{ name: 'Orang', title: ['Bench'], columns: list.columns, rows: list.rows }],
      offsetMinutes: 480,
    },
    (s) => (workerHeap = s.heapPeakMb),
  );
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (bytes.length < 1000) throw new Error('XLSX export made no file');
  return {
    report_year_max_ms: Math.max(...Object.values(perReport)),
    report_year_ms: perReport,
    report_year_cpu_ms: cpu,
    xlsx_rows: list.rows.length,
    xlsx_100k_s: Number(seconds.toFixed(2)),
    xlsx_peak_rss_mb: Math.round(peak / 1024 / 1024),
    xlsx_worker_heap_mb: workerHeap,
  };
}
