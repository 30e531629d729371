/**
 * The app's settings, one small JSON file in the data folder
 * (`settings.json`): language, recently opened documents, last document.
 * Written atomically (temporary file, then rename) so a crash never leaves
 * a half-written file; an unreadable file is set aside, not fatal.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Locale } from '../../shared/api/contract';

export const MAX_RECENT = 10;

export interface RecentEntry {
  path: string;
  openedAt: string;
}

export interface Settings {
  locale: Locale;
  recent: RecentEntry[];
  lastOpened: string | null;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  locale: 'fr',
  recent: [],
  lastOpened: null,
}) as Settings;

/** Keeps what is well formed in a settings file and drops the rest. */
export function normaliseSettings(raw: unknown): Settings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const locale: Locale = input.locale === 'en' ? 'en' : 'fr';
  const recent: RecentEntry[] = [];
  if (Array.isArray(input.recent)) {
    for (const item of input.recent as unknown[]) {
      const entry = item as Partial<RecentEntry> | null;
      if (entry && typeof entry.path === 'string' && typeof entry.openedAt === 'string') {
        if (!recent.some((r) => r.path === entry.path)) {
          recent.push({ path: entry.path, openedAt: entry.openedAt });
        }
      }
    }
  }
  const lastOpened = typeof input.lastOpened === 'string' ? input.lastOpened : null;
  return { locale, recent: recent.slice(0, MAX_RECENT), lastOpened };
}

export class SettingsStore {
  readonly file: string;
  #settings: Settings;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
    this.#settings = this.#load();
  }

  get(): Settings {
    return structuredClone(this.#settings);
  }

  setLocale(locale: Locale): void {
    this.#settings = { ...this.#settings, locale };
    this.#save();
  }

  /** Puts a document first in the recent list and remembers it as the last one. */
  recordOpened(path: string, at: Date = new Date()): void {
    const recent = [
      { path, openedAt: at.toISOString() },
      ...this.#settings.recent.filter((r) => r.path !== path),
    ].slice(0, MAX_RECENT);
    this.#settings = { ...this.#settings, recent, lastOpened: path };
    this.#save();
  }

  #load(): Settings {
    if (!existsSync(this.file)) return structuredClone(DEFAULT_SETTINGS);
    try {
      return normaliseSettings(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch (error) {
      const aside = `${this.file}.illisible-${Date.now()}`;
      try {
        renameSync(this.file, aside);
      } catch {
        // keep going with defaults even if the bad file cannot be moved
      }
      process.stderr.write(
        `arbitra : réglages illisibles, mis de côté (${aside}) : ${(error as Error).message}\n`,
      );
      return structuredClone(DEFAULT_SETTINGS);
    }
  }

  #save(): void {
    const dir = join(this.file, '..');
    mkdirSync(dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.#settings, null, 2)}\n`, 'utf8');
    renameSync(temp, this.file);
  }
}
