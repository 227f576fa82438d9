/**
 * The letter's PDF: the office letterhead, the letter as laid out by document.ts, the seal of an
 * issued letter, and the mark of a draft, a reprint or a voided letter.
 */
import type { Kysely, Selectable } from 'kysely';
import { formatDateFull } from '../../../shared/format';
import { dayInZone } from '../../../shared/time';
import type { DB } from '../db/schema';
import type { LettersTable } from '../db/tables/letters';
import { findRow } from '../db/lookup';
import { officeLetterhead } from '../pdf/officeLetterhead';
import { renderPdf } from '../pdf/render';
import { regionName } from '../regions/search';
import { toSignatory } from './config';
import { letterDocument, letterPage, type LetterMarks, type SignedBy } from './document';
import { printedText } from './queries';
import { qrPayload, signedMessage } from './seal';

/** "Kota Banjarbaru" → "Banjarbaru": the place a letter is dated at. */
export function placeName(region: string): string {
  return region.replace(/^(Kota|Kabupaten|Kab\.)\s+/i, '');
}

export async function letterPdf(
  db: Kysely<DB>,
  dataDir: string,
  row: Selectable<LettersTable>,
  opts: { now: Date; copy: boolean },
): Promise<Uint8Array> {
  const office = (await findRow(db, 'office', { id: 1 }))!;
  const head = (await officeLetterhead(db, dataDir))!;
  const place = placeName((await regionName(db, office.region_code)) ?? '');
  const day = row.letter_date ?? dayInZone(opts.now, office.time_zone);
  let signatory: SignedBy | null = row.signatory ? (JSON.parse(row.signatory) as SignedBy) : null;
  if (!signatory && row.signatory_id) {
    const s = await findRow(db, 'letter_signatories', { id: row.signatory_id });
    signatory = s ? toSignatory(s) : null;
  }
  const marks: LetterMarks = {};
  if (row.number && row.letter_date && row.content_hash && row.signature && row.verify_code) {
    const message = signedMessage({
      number: row.number,
      letterDate: row.letter_date,
      officeCode: office.region_code,
      hash: row.content_hash,
    });
    marks.seal = { qr: qrPayload(message, row.signature), code: row.verify_code };
  }
  if (row.status === 'voided') marks.watermark = 'BATAL';
  else if (row.status !== 'issued') marks.watermark = 'DRAF';
  else if (opts.copy) marks.watermark = 'SALINAN';
  const { content, extra } = letterDocument(
    {
      layout: row.layout,
      paper: row.paper,
      number: row.number,
      placeAndDate: `${place}, ${formatDateFull(day, { locale: 'id' })}`,
      ...printedText(row),
      signatory,
    },
    head,
    marks,
  );
  return renderPdf(
    letterPage(row.paper),
    {
      title: row.number ? `${row.title} ${row.number}` : row.title,
      author: office.name,
      // Fixed by the letter, so the same letter gives the same bytes.
      createdAt: new Date(row.issued_at ?? row.updated_at),
    },
    content,
    extra,
  );
}
