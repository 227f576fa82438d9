/**
 * Issue 15's figures: a DTSEN list imported into the registry with matching (rows per second,
 * end to end: upload, read, match, write; and the process's peak memory), and the PPKS rekap for
 * a year. The list is made here from the cached registry: most rows are registered people by
 * their NIK, some people the registry does not know, a few broken NIKs.
 */
import type { Backend } from '../../electron/backend/app';
import { rng } from './names';

async function call(b: Backend, token: string | null, method: string, input: unknown) {
  const r = await b.dispatch(token, method, input);
  if (!r.response.ok)
    throw new Error(
      `${method}: ${r.response.error.message.en} ${JSON.stringify(r.response.error.issues ?? '')}`,
    );
  return r.response.data as Record<string, unknown>;
}

/** A list of `rows` lines: 75% registered people, 20% unknown NIKs, 5% broken ones. */
function makeList(b: Backend, rows: number): string {
  const r = rng(15);
  const known = b.sqlite
    .prepare(
      `SELECT nik, full_name, birth_date FROM persons WHERE nik IS NOT NULL AND merged_into IS NULL
       AND rowid % 3 = 0 LIMIT ?`,
    )
    .all(Math.ceil(rows * 0.75)) as { nik: string; full_name: string; birth_date: string | null }[];
  const lines = ['NIK;NAMA;TGL_LAHIR;ALAMAT;KELURAHAN;DESIL;PKH;BPNT;PBI'];
  const districts = ['637201', '637202', '637203', '637204', '637205', '637206'];
  const words = ['Ahmad', 'Siti', 'Rahmat', 'Nurul', 'Hidayah', 'Saputra', 'Lestari', 'Fauzi'];
  for (let i = 0; lines.length <= rows; i++) {
    const kind = r();
    const desil = 1 + Math.floor(r() * 10);
    const flags = `${r() < 0.3 ? 'Ya' : ''};${r() < 0.5 ? 'Ya' : ''};${r() < 0.6 ? 'Ya' : ''}`;
    // Each registered person once: a NIK twice in one list is refused as a duplicate.
    const p = known[i];
    if (kind < 0.75 && p) {
      const birth = p.birth_date ? p.birth_date.split('-').reverse().join('/') : '';
      lines.push(`${p.nik};${p.full_name};${birth};Jl. Contoh ${i};Komet;${desil};${flags}`);
    } else if (kind < 0.95) {
      const d = 1 + Math.floor(r() * 28);
      const m = 1 + Math.floor(r() * 12);
      const y = 40 + Math.floor(r() * 60);
      const nik = `${districts[i % districts.length]}${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${y}${String(5000 + Math.floor(r() * 4999)).padStart(4, '0')}`;
      const name = `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]} ${i}`;
      lines.push(`${nik};${name};;Jl. Baru ${i};Mentaos;${desil};${flags}`);
    } else {
      lines.push(`63720${i % 1000};Baris Rusak ${i};;;;${desil};;;`);
    }
  }
  return lines.join('\n');
}

export async function benchKelurahan(
  b: Backend,
  admin: string | null,
  opts: { rows: number; now: () => Date },
): Promise<{
  dtsen_import_rows_per_s: number;
  dtsen_import_cpu_rows_per_s: number;
  dtsen_peak_rss_mb: number;
  rekap_year_ms: number;
  rekap_year_cpu_ms: number;
}> {
  const text = makeList(b, opts.rows);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const bytes = Buffer.from(text);
  const up = await b.upload(admin, {
    purpose: 'dtsenList',
    name: 'dtsen-bench.csv',
    declaredType: 'text/csv',
    body: (async function* () {
      for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
    })(),
  });
  if (!up.response.ok) throw new Error(`upload: ${up.response.error.key}`);
  const fileId = up.response.data.fileId;
  const preview = await call(b, admin, 'dtsen.preview', { fileId });
  const list = await call(b, admin, 'dtsen.import', {
    fileId,
    mapping: preview.mapping,
    listDate: '2026-10-01',
    source: 'SIKS-NG (bench)',
  });
  const seconds = (performance.now() - start) / 1000;
  const rowsPerS = Math.round(Number(list.rows) / seconds);
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);

  // Findings over the last year in the city's kelurahans, then the rekap for that year.
  const villages = b.sqlite
    .prepare(`SELECT code FROM regions WHERE code LIKE '63.72.%' AND level = 4`)
    .pluck()
    .all() as string[];
  const r = rng(16);
  const now = opts.now().getTime();
  for (let i = 0; i < 200; i++) {
    await call(b, admin, 'findings.create', {
      kelurahanCode: villages[i % villages.length],
      place: `Lokasi ${i}`,
      foundAt: new Date(now - Math.floor(r() * 300) * 86_400_000).toISOString(),
      ppks: [`PPKS-${String(1 + (i % 26)).padStart(2, '0')}`],
      condition: 'Kondisi',
      urgency: 'normal',
      reporterRole: 'tksk',
      reporterName: 'TKSK',
      subject: { name: `Orang ${i}` },
    });
  }
  const year = opts.now().toISOString().slice(0, 4);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await call(b, admin, 'rekap.get', { from: `${year}-01`, to: `${year}-12` });
    times.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpuTimes.push((u.user + u.system) / 1000);
  }
  times.sort((a, c) => a - c);
  cpuTimes.sort((a, c) => a - c);
  console.log(
    `  DTSEN import: ${list.rows} rows (${JSON.stringify(list.matches)}, ${list.refused} refused) in ${seconds.toFixed(1)} s = ${rowsPerS} rows/s (CPU ${cpuSeconds.toFixed(1)} s = ${Math.round(Number(list.rows) / cpuSeconds)} rows/s)   (target ≥ 5000); peak RSS ${peakMb} MB (target < 1024)`,
  );
  console.log(
    `  rekap PPKS for ${year}: ${times.map((x) => Math.round(x)).join(', ')} ms, CPU ${cpuTimes.map((x) => Math.round(x)).join(', ')} ms   (target < 2000)`,
  );
  return {
    dtsen_import_rows_per_s: rowsPerS,
    dtsen_import_cpu_rows_per_s: Math.round(Number(list.rows) / cpuSeconds),
    dtsen_peak_rss_mb: peakMb,
    rekap_year_ms: Math.round(times[times.length - 1]!),
    rekap_year_cpu_ms: Math.round(cpuTimes[cpuTimes.length - 1]!),
  };
}
