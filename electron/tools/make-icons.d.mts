export declare const ICO_SIZES: number[];
export declare const PNG_SIZE: number;
export declare function packIco(images: { size: number; png: Buffer }[]): Buffer;
