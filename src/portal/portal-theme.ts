/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const LIGHT = '#ffffff';
const DARK = '#111827';

/**
 * theme.css: the product's accent colour (PORTAL_ACCENT_COLOR) as custom properties, with the text
 * colour on it chosen for contrast (white or near-black, whichever reads better), so any brand colour
 * stays legible. Served as a file because the portal's CSP allows no inline style.
 */
export function themeCss(accent: string): string {
  const onAccent = contrast(accent, LIGHT) >= contrast(accent, DARK) ? LIGHT : DARK;
  return `:root { --accent: ${accent}; --on-accent: ${onAccent}; }\n`;
}
