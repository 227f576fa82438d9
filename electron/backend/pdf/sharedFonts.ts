/**
 * pdfmake opens every font afresh for every document: fontkit parses the file again and decodes
 * its glyph, metric and layout tables again (about half the time of a one-page letter). The
 * parsed font does not change, so each file's fontkit font is kept for the process and every
 * later document gets a new pdfkit font (its own subset and object ids) around the same one,
 * sharing the words already laid out.
 */
import { pdfmakeDocument } from './pdfmakeInternals';

interface FontkitFont {
  postscriptName: string;
}
interface PdfkitFont {
  font: FontkitFont;
  name: string;
  id: string;
  /** Laid-out words (glyphs and positions, read only once made), by text. */
  layoutCache?: Record<string, unknown>;
}
type EmbeddedFontClass = new (doc: unknown, font: FontkitFont, id: string) => PdfkitFont;

interface DocInternals {
  fonts: Record<string, Record<string, unknown>>;
  fontCache: Record<string, Record<string, PdfkitFont>>;
  _fontFamilies: Record<string, PdfkitFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
}

/** Parsed fonts by virtual file name (the names fonts.ts gives). */
interface Parsed {
  font: FontkitFont;
  Embedded: EmbeddedFontClass;
  /** Words laid out by earlier documents: most words of a letter were in the one before. */
  words: Record<string, unknown>;
  uses: number;
}
const parsed = new Map<string, Parsed>();
/** Words kept per font before starting afresh (names and numbers keep adding new ones). */
const MAX_WORDS = 20_000;

let installed = false;
export function shareParsedFonts(): void {
  if (installed) return;
  installed = true;
  const proto = pdfmakeDocument.prototype as unknown as DocInternals & {
    provideFont(family: string, bold: boolean, italics: boolean): PdfkitFont;
  };
  const original = proto.provideFont;
  proto.provideFont = function provideFont(this: DocInternals, family, bold, italics) {
    const file = this.getFontFile(family, bold, italics);
    const known = typeof file === 'string' ? parsed.get(file) : undefined;
    if (!known) {
      // The first time (or a font given some other way): pdfmake's own path, then keep its font.
      const font = original.call(this, family, bold, italics);
      if (typeof file === 'string')
        parsed.set(file, {
          font: font.font,
          Embedded: font.constructor as EmbeddedFontClass,
          words: font.layoutCache ?? Object.create(null),
          uses: 0,
        });
      return font;
    }
    const type = this.getFontType(bold, italics);
    const cache = (this.fontCache[family] ??= {});
    const have = cache[type];
    if (have) return have;
    const font = new known.Embedded(this, known.font, `F${++this._fontCount}`);
    if ((known.uses += 1) % 100 === 0 && Object.keys(known.words).length > MAX_WORDS)
      known.words = Object.create(null) as Record<string, unknown>;
    if (font.layoutCache) font.layoutCache = known.words;
    // pdfkit embeds (subsets) at the end every font listed here, as its font() method would.
    this._fontFamilies[font.name in this._fontFamilies ? font.id : font.name] = font;
    cache[type] = font;
    return font;
  };
}
