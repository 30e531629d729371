/**
 * File names of exported dossier charts: from the chart's title, lower
 * case, accents and punctuation dropped, never empty.
 */
import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../../../renderer/src/screens/dossier/fileName';

describe('chart file names', () => {
  it('keeps letters and digits, joined by single hyphens', () => {
    expect(fileNameOf('Feuille de route')).toBe('feuille-de-route');
    expect(fileNameOf('Enveloppe d’investissement')).toBe('enveloppe-d-investissement');
    expect(fileNameOf('  Valeur livrée (P50) : 2027–2032 ')).toBe('valeur-livree-p50-2027-2032');
  });
  it('falls back on a plain name and stays short', () => {
    expect(fileNameOf('« — »')).toBe('graphique');
    const long = fileNameOf('a'.repeat(100));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^a+$/);
  });
});
