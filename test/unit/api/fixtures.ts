/** A small valid portfolio and a fresh data folder for the API tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Portfolio } from '../../../shared/model/portfolio';
import { createAppContext, type AppContext } from '../../../electron/app/context';

export function tinyPortfolio(name = "Val d'Exemple"): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name, kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 2 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [{ id: 'dsi', label: 'DSI', capacity: [100, 100] }],
    budget: { investment: [100000, 100000], operating: [10000, 10000] },
    projects: [
      {
        id: 'P01',
        name: 'Démarches en ligne',
        scores: { usagers: 4 },
        investment: [50000],
        staff: [{ team: 'dsi', days: [20] }],
        durationMonths: { low: 6, mode: 8, high: 12 },
      },
    ],
    customField: 'gardé',
  };
}

export interface TempApp {
  ctx: AppContext;
  dataDir: string;
  cleanup(): void;
}

/** A data folder in the system's temp folder, with a demo file of our own. */
export function tempApp(transport: 'electron' | 'web' = 'web'): TempApp {
  const root = mkdtempSync(join(tmpdir(), 'arbitra-api-'));
  const dataDir = join(root, 'data');
  const demoPath = join(root, 'demo.json');
  writeFileSync(demoPath, JSON.stringify(tinyPortfolio(), null, 2));
  const ctx = createAppContext({ dataDir, transport, demoPath, version: '9.9.9' });
  return { ctx, dataDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
