/**
 * SVG text (the report charts) asks pdfkit for its font by the virtual file name pdfmake's font
 * table gives ("LiberationSans-Regular.ttf"). pdfkit would read that name from the disk, fail, and
 * draw the labels in Helvetica instead; here such a name is served from the app's own font files.
 */
import { pdfmakeDocument } from './pdfmakeInternals';

interface FontSwitch {
  font(src: unknown, ...rest: unknown[]): unknown;
  registerFont(name: string, src: Buffer): void;
  _registeredFonts?: Record<string, unknown>;
}

let installed = false;
export function serveSvgFonts(files: ReadonlyMap<string, Buffer>): void {
  if (installed) return;
  installed = true;
  const proto = pdfmakeDocument.prototype as FontSwitch;
  const original = proto.font;
  proto.font = function font(this: FontSwitch, src: unknown, ...rest: unknown[]) {
    const bytes = typeof src === 'string' ? files.get(src) : undefined;
    if (bytes && !this._registeredFonts?.[src as string]) this.registerFont(src as string, bytes);
    return original.call(this, src, ...rest);
  };
}
