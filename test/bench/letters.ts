/**
 * Letters in `npm run bench`: issuing letters one after another (no gap in the register), the
 * PDF of one letter after the first, and the register's page with 100,000 letters.
 * Sizes: BENCH_LETTER_ISSUES (default 1000) and BENCH_LETTERS (register size, default 100000)
 * for a quick run while developing.
 */
import type { Backend } from '../../electron/backend/app';
import { uuidv7 } from '../../electron/backend/lib/ids';

type Call = (method: string, input: unknown) => Promise<Record<string, never>>;

const SURAT_KETERANGAN = '0190b000-0000-7000-8000-000000000108';
const SOSIAL = '0190b000-0000-7000-8000-000000000001';

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2));
}

/** Wall and CPU time of each call: the machine may be shared, so CPU time is the fairer figure. */
interface Samples {
  wall: number[];
  cpu: number[];
}
async function timed(into: Samples, fn: () => Promise<unknown>): Promise<void> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  into.wall.push(performance.now() - t);
  const used = process.cpuUsage(c);
  into.cpu.push((used.user + used.system) / 1000);
}
const summary = (s: Samples) => ({
  wall: { p50: pct(s.wall, 50), p95: pct(s.wall, 95) },
  cpu: { p50: pct(s.cpu, 50), p95: pct(s.cpu, 95) },
});

/** Fills the letters table up to `size` rows with issued letters of earlier years, in bulk. */
function fillRegister(b: Backend, size: number): void {
  const have = (b.sqlite.prepare('SELECT count(*) FROM letters').pluck().get() as number) ?? 0;
  if (have >= size) return;
  const person = b.sqlite.prepare('SELECT id FROM persons LIMIT 1').pluck().get() as string;
  const insert = b.sqlite.prepare(`INSERT INTO letters (id, template_id, source_kind, source_id,
    person_id, status, layout, title, subject, body, paper, classification_id, number, seq, seq_year,
    letter_date, issued_at, signature, verify_code, created_at, updated_at)
    VALUES (?, ?, 'person', ?, ?, 'issued', 'titled', 'Surat Keterangan', ?, 'Isi surat.', 'F4', ?, ?, ?, ?, ?, ?, 'x', ?, ?, ?)`);
  b.sqlite.transaction(() => {
    for (let i = have; i < size; i += 1) {
      const year = 2018 + (i % 8);
      const seq = Math.floor(i / 8) + 1;
      const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`;
      const at = `${day}T02:00:00.000Z`;
      insert.run(
        uuidv7(Date.parse(at) + i),
        SURAT_KETERANGAN,
        person,
        person,
        `Keterangan penerima layanan nomor ${i}`,
        SOSIAL,
        `400.9/B${seq}/Dinsos/${year}`,
        seq,
        year,
        day,
        at,
        `B${String(i).padStart(9, '0')}`,
        at,
        at,
      );
    }
  })();
}

export async function benchLetters(
  b: Backend,
  call: Call,
  clock: { now: Date },
): Promise<{
  letter_pdf_p95_ms: number;
  letters_issued: number;
  letter_register_p95_ms: number;
  letter_detail: Record<string, ReturnType<typeof summary>>;
}> {
  const issues = Number(process.env.BENCH_LETTER_ISSUES ?? 1000);
  const size = Number(process.env.BENCH_LETTERS ?? 100_000);
  const signatory = (await call('letters.saveSignatory', {
    name: 'Drs. H. Abdul Karim, M.Si.',
    rank: 'Pembina Utama Muda (IV/c)',
    nip: '197006151995031002',
    position: 'Kepala Dinas Sosial',
  })) as unknown as { id: string };
  const people = b.sqlite
    .prepare('SELECT id FROM persons WHERE merged_into IS NULL ORDER BY rowid LIMIT ?')
    .pluck()
    .all(issues) as string[];

  // Issue letters one after another: create, choose the signatory, submit, issue.
  const issued: { id: string; number: string }[] = [];
  for (let i = 0; i < issues; i += 1) {
    const draft = (await call('letters.create', {
      templateId: SURAT_KETERANGAN,
      sourceKind: 'person',
      sourceId: people[i % people.length],
    })) as unknown as Record<string, unknown> & { id: string; version: number };
    // Persons without a NIK or address leave placeholders: written out as a clerk would.
    const body = String(draft.body).replace(/\{\{[a-z_]+\}\}/g, '-');
    const ready = (await call('letters.update', {
      id: draft.id,
      version: draft.version,
      subject: String(draft.subject).replace(/\{\{[a-z_]+\}\}/g, '-'),
      body,
      paper: draft.paper,
      classificationId: draft.classificationId,
      signatoryId: signatory.id,
    })) as unknown as { id: string; version: number };
    const sub = (await call('letters.transition', {
      id: ready.id,
      version: ready.version,
      to: 'submitted',
    })) as unknown as { id: string; version: number };
    const out = (await call('letters.transition', {
      id: sub.id,
      version: sub.version,
      to: 'issued',
    })) as unknown as { id: string; number: string };
    issued.push(out);
    clock.now = new Date(clock.now.getTime() + 1000);
  }
  const seqs = issued.map((l) => Number(l.number.split('/')[1])).sort((x, y) => x - y);
  const gapless = seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1);
  if (!gapless) throw new Error('letter numbers have a gap');

  // One letter's PDF, after the first (fonts loaded, JIT warm).
  await call('letters.pdf', { id: issued[0]!.id });
  const pdf: Samples = { wall: [], cpu: [] };
  const pdfRuns = Number(process.env.BENCH_LETTER_PDFS ?? 40);
  for (let i = 0; i < pdfRuns; i += 1) {
    await timed(pdf, () => call('letters.pdf', { id: issued[i % issued.length]!.id }));
  }

  fillRegister(b, size);
  // What the register screen offers (year, status, classification, search; newest first or by
  // number) alone and together, and the pages a person's or a case's letters list asks for.
  const filters: Record<string, (i: number) => Record<string, unknown>> = {
    newest: () => ({}),
    paged: (i) => ({ page: 1 + (i % 40) }),
    deepPage: (i) => ({ page: 1000 + i }),
    year: () => ({ year: 2021 }),
    voided: () => ({ status: 'voided' }),
    issuedInYear: () => ({ status: 'issued', year: 2023 }),
    byNumber: () => ({ sort: 'number' }),
    byNumberInYear: () => ({ sort: 'number', year: 2024 }),
    search: () => ({ q: '0007' }),
    searchInYear: () => ({ q: 'nomor 12', year: 2022 }),
    searchNothing: () => ({ q: 'tidak ada surat seperti ini' }),
    classification: () => ({ classificationId: SOSIAL, page: 3 }),
    classificationVoided: () => ({ classificationId: SOSIAL, status: 'voided' }),
    everything: () => ({ year: 2025, status: 'issued', classificationId: SOSIAL, sort: 'number' }),
    person: () => ({ personId: people[0] }),
  };
  const register: Samples = { wall: [], cpu: [] };
  const perFilter: Record<string, Samples> = {};
  const names = Object.keys(filters);
  for (let i = 0; i < 20 * names.length; i += 1) {
    const name = names[i % names.length]!;
    const one = (perFilter[name] ??= { wall: [], cpu: [] });
    const input = { ...filters[name]!(Math.floor(i / names.length)), pageSize: 25 };
    await timed(one, () => call('letters.register', input));
    register.wall.push(one.wall.at(-1)!);
    register.cpu.push(one.cpu.at(-1)!);
  }
  const detail: Record<string, ReturnType<typeof summary>> = { pdf: summary(pdf) };
  for (const [name, s] of Object.entries(perFilter)) detail[`register_${name}`] = summary(s);
  return {
    letter_pdf_p95_ms: pct(pdf.wall, 95),
    letters_issued: issued.length,
    letter_register_p95_ms: pct(register.wall, 95),
    letter_detail: detail,
  };
}
