/**
 * Shrinks a picked image in the browser before it is uploaded: at most 800 px on the longer
 * side, JPEG, within the photo upload limit (quality is lowered step by step until it fits).
 */
import { uploadLimit } from '../../../../shared/files';

const MAX_SIDE = 800;
const MAX_BYTES = uploadLimit('personPhoto');

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    img.src = url;
  });
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** The resized JPEG, named after the picked file ("foto ktp.png" → "foto ktp.jpg"). */
export async function resizePhoto(file: File): Promise<File> {
  const img = await loadImage(file);
  const name = (file.name.replace(/\.[^.]*$/, '') || 'foto') + '.jpg';
  let scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
  for (let attempt = 0; attempt < 6; attempt++) {
    const w = Math.max(1, Math.round(img.naturalWidth * scale));
    const h = Math.max(1, Math.round(img.naturalHeight * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    // JPEG has no transparency: paint white under transparent PNGs.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    for (const quality of [0.85, 0.75, 0.65, 0.5]) {
      const blob = await toJpeg(canvas, quality);
      if (blob && blob.size <= MAX_BYTES) return new File([blob], name, { type: 'image/jpeg' });
    }
    scale *= 0.75;
  }
  throw new Error('too large');
}
