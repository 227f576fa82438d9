#!/usr/bin/env node
/**
 * `npm run icons`: draws resources/logo.svg into the installer icons electron-builder picks up
 * from resources/ (its buildResources): icon.png (512 px, Linux) and icon.ico (16 to 256 px,
 * Windows). Rasterised by the Chromium Playwright already uses (no downloads); the .ico holds
 * PNG images, which Windows reads since Vista. Run again after changing the logo; both outputs
 * are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const PNG_SIZE = 512;

/** An .ico file holding the given PNG images (ICONDIR, one ICONDIRENTRY each, then the data). */
export function packIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header[at] = size >= 256 ? 0 : size; // 0 means 256
    header[at + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/** PNGs of the SVG at each size, transparent outside the drawing. */
async function rasterise(svg, sizes) {
  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.PELITA_CHROMIUM ?? '/usr/bin/chromium';
  let browser;
  try {
    browser = await chromium.launch({ executablePath });
  } catch {
    browser = await chromium.launch(); // Playwright's own Chromium, where it is installed
  }
  try {
    const page = await browser.newPage();
    const out = [];
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const src = 'data:image/svg+xml;base64,' + Buffer.from(svg).toString('base64');
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      out.push({ size, png: await page.screenshot({ omitBackground: true }) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  const svg = readFileSync(join(ROOT, 'resources', 'logo.svg'), 'utf8');
  const images = await rasterise(svg, [...ICO_SIZES, PNG_SIZE]);
  writeFileSync(join(ROOT, 'resources', 'icon.png'), images.at(-1).png);
  writeFileSync(join(ROOT, 'resources', 'icon.ico'), packIco(images.slice(0, -1)));
  console.log('Wrote resources/icon.png and resources/icon.ico from resources/logo.svg.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
