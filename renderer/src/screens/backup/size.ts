/** A file size for people: 1,5 MB, 820 KB. */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n.toLocaleString('id-ID', { maximumFractionDigits: u ? 1 : 0 })} ${units[u]}`;
}
