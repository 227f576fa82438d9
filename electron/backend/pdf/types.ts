/**
 * The part of pdfmake's document format Pelita uses, typed here because @types/pdfmake pulls the
 * browser's DOM types into the backend. Add a property when a document needs it.
 */
export type Alignment = 'left' | 'right' | 'center' | 'justify';
export type Margin = number | [number, number] | [number, number, number, number];

interface Common {
  style?: string | string[];
  margin?: Margin;
  alignment?: Alignment;
  fontSize?: number;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  decoration?: 'underline' | 'lineThrough';
  color?: string;
  lineHeight?: number;
  characterSpacing?: number;
  noWrap?: boolean;
  pageBreak?: 'before' | 'after';
  /** Keep a block (a signature) on one page. */
  unbreakable?: boolean;
  width?: number | '*' | 'auto' | `${number}%`;
  id?: string;
}

export interface TextNode extends Common {
  text: string | Content[];
  preserveLeadingSpaces?: boolean;
}
export interface StackNode extends Common {
  stack: Content[];
}
export interface ColumnsNode extends Common {
  columns: Content[];
  columnGap?: number;
}
export interface TableNode extends Common {
  table: {
    widths?: (number | '*' | 'auto' | `${number}%`)[];
    headerRows?: number;
    dontBreakRows?: boolean;
    body: Content[][];
  };
  layout?: 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines' | TableLayout;
}
export interface TableLayout {
  hLineWidth?: (i: number, node: unknown) => number;
  vLineWidth?: (i: number, node: unknown) => number;
  hLineColor?: (i: number, node: unknown) => string;
  vLineColor?: (i: number, node: unknown) => string;
  fillColor?: (row: number, node: unknown, column: number) => string | null;
  paddingLeft?: (i: number, node: unknown) => number;
  paddingRight?: (i: number, node: unknown) => number;
  paddingTop?: (i: number, node: unknown) => number;
  paddingBottom?: (i: number, node: unknown) => number;
}
export interface ImageNode extends Common {
  /** A data URL (image/png or image/jpeg). */
  image: string;
  fit?: [number, number];
  height?: number;
}
export interface SvgNode extends Common {
  svg: string;
  fit?: [number, number];
  height?: number;
}
export interface QrNode extends Common {
  qr: string;
  fit?: number;
  eccLevel?: 'L' | 'M' | 'Q' | 'H';
}
export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}
export interface CanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  color?: string;
  lineWidth?: number;
  lineColor?: string;
}
/** SVG path data in page units; pdfmake does not move it with the canvas (see qr.ts). */
export interface CanvasPath {
  type: 'path';
  d: string;
  color?: string;
  lineWidth?: number;
  lineColor?: string;
}
export interface CanvasNode extends Common {
  canvas: (CanvasLine | CanvasRect | CanvasPath)[];
}
export interface ListNode extends Common {
  ul?: Content[];
  ol?: Content[];
  type?: string;
}

export type Content =
  | string
  | TextNode
  | StackNode
  | ColumnsNode
  | TableNode
  | ImageNode
  | SvgNode
  | QrNode
  | CanvasNode
  | ListNode
  | Content[];

export interface Style {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  alignment?: Alignment;
  margin?: Margin;
  lineHeight?: number;
  color?: string;
  fillColor?: string;
}

/** Header and footer get the page number and count (the number repeats on every page). */
export type PageFn = (currentPage: number, pageCount: number) => Content | null;

export interface DocDefinition {
  pageSize: { width: number; height: number };
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  info: {
    title: string;
    author: string;
    creator: string;
    producer: string;
    creationDate: Date;
  };
  defaultStyle: Style;
  styles?: Record<string, Style>;
  header?: PageFn;
  footer?: PageFn;
  watermark?: { text: string; opacity?: number; bold?: boolean; fontSize?: number };
  content: Content;
}
