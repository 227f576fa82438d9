/**
 * The small window shown while the backend prepares the database (the first start migrates and
 * loads 83k villages, a minute on a slow PC). A data: page with no script and no preload; its
 * text comes from the i18n catalogue. Shown only when opening takes longer than SPLASH_DELAY_MS,
 * so an ordinary start does not flash it.
 */
import { translate } from '../../shared/i18n';

export const SPLASH_DELAY_MS = 400;

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function splashHtml(): string {
  const lines = (['id', 'en'] as const)
    .map(
      (l) =>
        `<p lang="${l}"><b>${escape(translate(l, 'desktop.splash'))}</b><br>${escape(translate(l, 'desktop.splash_detail'))}</p>`,
    )
    .join('');
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<title>Pelita</title><style>body{margin:0;height:100vh;display:flex;flex-direction:column;' +
    'justify-content:center;padding:0 28px;font:15px system-ui,sans-serif;color:#0b2e59;' +
    'background:#ebf3fc}p{margin:8px 0}p[lang=en]{color:#44597a}' +
    '.bar{height:4px;background:#d7e5f6;overflow:hidden;border-radius:2px;margin-top:12px}' +
    '.bar i{display:block;height:100%;width:30%;background:#2265c2;animation:go 1.2s linear infinite}' +
    '@keyframes go{from{margin-left:-30%}to{margin-left:100%}}</style></head><body>' +
    lines +
    '<div class="bar"><i></i></div></body></html>'
  );
}

export const splashUrl = () => 'data:text/html;charset=utf-8,' + encodeURIComponent(splashHtml());

/**
 * Waits for `work`, showing the splash if it takes longer than `delayMs`; the splash is closed
 * when the work settles either way.
 */
export async function withSplash<T>(
  work: Promise<T>,
  show: () => { close(): void },
  delayMs = SPLASH_DELAY_MS,
): Promise<T> {
  let splash: { close(): void } | null = null;
  const timer = setTimeout(() => {
    splash = show();
  }, delayMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    (splash as { close(): void } | null)?.close();
  }
}
