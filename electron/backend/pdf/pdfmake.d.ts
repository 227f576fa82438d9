// pdfmake's server build, as Pelita calls it (see render.ts and types.ts).
declare module 'pdfmake' {
  import type { DocDefinition } from './types';

  interface Pdfmake {
    virtualfs: { writeFileSync(name: string, data: Buffer): void };
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(doc: DocDefinition): { getBuffer(): Promise<Buffer> };
  }
  const pdfmake: Pdfmake;
  export default pdfmake;
}

// pdfmake's pdfkit document class, whose font loading sharedFonts.ts replaces.
declare module 'pdfmake/js/PDFDocument.js' {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}

// pdfmake's QR encoder, whose modules qr.ts draws as one path.
declare module 'pdfmake/js/qrEnc.js' {
  const qrEnc: object;
  export default qrEnc;
}
