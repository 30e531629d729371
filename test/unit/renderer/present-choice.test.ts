/**
 * Which scenario the presentation and the dossier show, and how a failed
 * computation reaches their templates.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import type { Portfolio } from '../../../shared/model/portfolio';
import {
  attempt,
  defaultScenario,
  shownScenario,
} from '../../../renderer/src/screens/present/figures';

const portfolio = demo as unknown as Portfolio;
const ids = (portfolio.scenarios ?? []).map((s) => s.id);

describe('shownScenario', () => {
  it('keeps the scenario the user chose while it exists', () => {
    for (const id of ids) expect(shownScenario(portfolio, id)).toBe(id);
  });

  it('falls back to the default when nothing is chosen or the choice was removed', () => {
    expect(shownScenario(portfolio, undefined)).toBe(defaultScenario(portfolio));
    const without = { ...portfolio, scenarios: portfolio.scenarios!.slice(1) };
    expect(shownScenario(without, ids[0])).toBe(defaultScenario(without));
    expect(shownScenario(without, ids[0])).not.toBe(ids[0]);
  });

  it('is empty without a document or without scenarios', () => {
    expect(shownScenario(null, ids[0])).toBe('');
    expect(shownScenario({ ...portfolio, scenarios: [] }, ids[0])).toBe('');
  });
});

describe('attempt', () => {
  it('gives the value, or the error message as data', () => {
    expect(attempt(() => 41 + 1)).toEqual({ ok: true, value: 42 });
    expect(
      attempt(() => {
        throw new Error('le scénario « x » n’existe pas');
      }),
    ).toEqual({ ok: false, message: 'le scénario « x » n’existe pas' });
    expect(
      attempt(() => {
        throw 'texte';
      }),
    ).toEqual({ ok: false, message: 'texte' });
  });
});
