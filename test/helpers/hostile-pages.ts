// Pages built to be slow to read: elements nested thousands deep, or too many of them side by side. Each has
// an article's worth of sentences inside, so only its shape can refuse it.
const PARAGRAPH = `<p>${'Una frase de prueba con bastante texto para contar como parte de un artículo. '.repeat(5)}</p>`;

export function nestedPage(depth: number): string {
  return `<!doctype html><html lang="es"><head><title>Anidada</title></head><body>${'<div>'.repeat(depth)}${PARAGRAPH.repeat(10)}${'</div>'.repeat(depth)}</body></html>`;
}

export function widePage(elements: number): string {
  const filler = '<div><span>x y z.</span></div>'.repeat(elements / 2);
  return `<!doctype html><html lang="es"><head><title>Ancha</title></head><body><article>${filler}${PARAGRAPH.repeat(10)}</article></body></html>`;
}
