/**
 * Measures, in the page, whether what is on screen fits a projector: every
 * visible text's size in CSS pixels as the audience sees it (its computed
 * font size, times the scale of its SVG when it is chart text: the SVG's
 * screen transform, so a viewBox drawn smaller counts smaller), text or
 * boxes outside the window or outside their slide, and the number of lines
 * of the slide's title. A string run by `page.evaluate`, since the test's
 * TypeScript has no DOM types.
 */
export interface FitReport {
  /** What overflows, in words (empty when everything fits). */
  problems: string[];
  /** The smallest visible text, in CSS pixels as rendered. */
  smallest: { px: number; text: string };
  /** Lines of the slide's title. */
  titleLines: number;
  /** Texts measured. */
  texts: number;
}

export const MEASURE_SLIDE = `(() => {
  const deck = document.querySelector('[data-testid="present-deck"]');
  const slide = deck.querySelector('.slide');
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const problems = [];
  const shown = (el) => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 2 && r.height > 2;
  };
  const name = (el) => (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50) || el.tagName;
  if (deck.scrollHeight > deck.clientHeight + 1 || deck.scrollWidth > deck.clientWidth + 1) {
    problems.push('the deck scrolls');
  }
  let smallest = { px: Infinity, text: '' };
  let texts = 0;
  const walker = document.createTreeWalker(deck, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    const el = n.parentElement;
    if (!text || !el || !shown(el)) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      px *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    }
    texts++;
    if (px < smallest.px) smallest = { px, text: text.slice(0, 60) };
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width < 1) continue;
      if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) {
        problems.push('off the window: ' + text.slice(0, 50));
        break;
      }
    }
  }
  if (slide) {
    const box = slide.getBoundingClientRect();
    for (const el of slide.querySelectorAll('*')) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1) {
        problems.push('outside its slide: ' + name(el));
      }
      if (!(el instanceof SVGElement)) {
        const s = getComputedStyle(el);
        const clips = (v) => v === 'hidden' || v === 'auto' || v === 'scroll' || v === 'clip';
        if ((clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
            (clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1)) {
          problems.push('clipped: ' + name(el));
        }
      }
    }
    for (const t of slide.querySelectorAll('svg text')) {
      if (!shown(t)) continue;
      const r = t.getBoundingClientRect();
      const s = t.ownerSVGElement.getBoundingClientRect();
      if (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1) {
        problems.push('outside its chart: ' + name(t));
      }
    }
  }
  const title = deck.querySelector('[data-testid="slide-title"]');
  const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
  const titleLines = Math.round(title.getBoundingClientRect().height / lineHeight);
  return { problems: [...new Set(problems)], smallest, titleLines, texts };
})()`;
