/**
 * A chart of the page saved as a file: SVG (the element serialised) or PNG
 * (the SVG drawn on a canvas). The charts take their colours and type from
 * the app's stylesheets, which a file does not carry, so the copy gets each
 * element's computed paint and type as presentation attributes (`fill`,
 * `font-size`…), never a `style` attribute (the CSP forbids inline styles).
 * The PNG path loads the SVG from a `blob:` URL into an image: the CSP's
 * `img-src 'self' data: blob:` (electron/app/csp.ts) allows it.
 */

/** Computed properties copied onto the exported copy, as SVG presentation attributes. */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's drawing size from its viewBox (or its laid-out size). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
}

/** A standalone SVG document of `svg`, its look copied from the page's styles. */
export function serializeSvg(svg: SVGSVGElement, title?: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [copy, ...Array.from(copy.querySelectorAll('*'))];
  originals.forEach((original, i) => {
    const target = copies[i];
    if (!target) return;
    const computed = getComputedStyle(original);
    for (const name of PAINT) {
      const value = computed.getPropertyValue(name);
      if (value && value !== 'normal' && value !== 'auto') target.setAttribute(name, value);
    }
    if (computed.display === 'none') target.setAttribute('display', 'none');
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
  });
  const { width, height } = svgSize(svg);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (title && !copy.querySelector('title')) {
    const node = document.createElementNS(SVG_NS, 'title');
    node.textContent = title;
    copy.insertBefore(node, copy.firstChild);
  }
  // A white ground, so the file reads the same on a dark viewer.
  const ground = document.createElementNS(SVG_NS, 'rect');
  ground.setAttribute('width', '100%');
  ground.setAttribute('height', '100%');
  ground.setAttribute('fill', '#ffffff');
  copy.insertBefore(ground, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Saves `blob` as `fileName` through a temporary `<a download>`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportSvg(svg: SVGSVGElement, fileName: string, title?: string): void {
  const text = serializeSvg(svg, title);
  download(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), `${fileName}.svg`);
}

/** The chart as a PNG `scale` times its drawing size (2 by default: sharp when printed). */
export async function svgToPng(svg: SVGSVGElement, scale = 2, title?: string): Promise<Blob> {
  const text = serializeSvg(svg, title);
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('le graphique n’a pas pu être converti en image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('dessin impossible (canvas indisponible)');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('image PNG vide'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(
  svg: SVGSVGElement,
  fileName: string,
  title?: string,
): Promise<void> {
  download(await svgToPng(svg, 2, title), `${fileName}.png`);
}
