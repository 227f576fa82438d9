/**
 * pdfmake opens every font afresh for every document: fontkit parses the file again and decodes
 * its glyph, metric and layout tables again (about half the time of a one-page letter). The
 * parsed font does not change, so each file's fontkit font is kept for the process and every
 * later document gets a new pdfkit font (its own subset and object ids) around the same one.
 */
import pdfDocumentModule from 'pdfmake/js/PDFDocument.js';

interface FontkitFont {
  postscriptName: string;
}
interface PdfkitFont {
  font: FontkitFont;
  name: string;
  id: string;
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
const parsed = new Map<string, { font: FontkitFont; Embedded: EmbeddedFontClass }>();

let installed = false;
export function shareParsedFonts(): void {
  if (installed) return;
  installed = true;
  // A CommonJS module built from ES modules: Node's import gives its exports object, a bundler
  // may give the class itself.
  const mod = pdfDocumentModule as { default?: { prototype: object }; prototype?: object };
  const PdfmakeDocument = (mod.prototype ? mod : mod.default) as { prototype: object };
  const proto = PdfmakeDocument.prototype as unknown as DocInternals & {
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
        parsed.set(file, { font: font.font, Embedded: font.constructor as EmbeddedFontClass });
      return font;
    }
    const type = this.getFontType(bold, italics);
    const cache = (this.fontCache[family] ??= {});
    const have = cache[type];
    if (have) return have;
    const font = new known.Embedded(this, known.font, `F${++this._fontCount}`);
    // pdfkit embeds (subsets) at the end every font listed here, as its font() method would.
    this._fontFamilies[font.name in this._fontFamilies ? font.id : font.name] = font;
    cache[type] = font;
    return font;
  };
}
