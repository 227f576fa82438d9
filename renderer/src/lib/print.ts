/**
 * Prints one part of the screen: `bodyClass` is set on <body> for the print only, and the part's
 * print CSS shows itself and hides the rest under that class (receipt.css, checkpoint.css).
 */
export function printWith(bodyClass: string): void {
  const body = document.body;
  const finish = () => {
    body.classList.remove(bodyClass);
    window.removeEventListener('afterprint', finish);
  };
  body.classList.add(bodyClass);
  window.addEventListener('afterprint', finish);
  window.print();
}
