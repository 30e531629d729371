/**
 * The screens of the main navigation, in order. Adding a screen is one line:
 * `{ id: 'risques', label: 'screen.risk', component: RiskScreen }`. The id is
 * the hash route (`#/risques`); the label is a message key, or a literal
 * `{ fr, en }` pair for a screen that brings its own words.
 */
import type { Component } from 'svelte';
import type { MessageKey } from '../lib/i18n/fr';
import { committeeScreen } from './committee/screen';
import { criteriaScreen } from './criteria/screen';
import { notesScreen } from './notes/screen';
import { dossierScreen } from './dossier/screen';
import { executionScreen } from './execution/screen';
import { optimiserScreens } from './frontier/screen';
import PortfolioScreen from './portfolio/PortfolioScreen.svelte';
import { presentScreen } from './present/screen';
import { riskScreen } from './risk/screen';
import { scenarioScreen } from './scenario/screen';
import SettingsScreen from './settings/SettingsScreen.svelte';

export interface ScreenDef {
  id: string;
  label: MessageKey | { fr: string; en: string };
  component: Component;
}

export const screens: ScreenDef[] = [
  { id: 'portefeuille', label: 'screen.portfolio', component: PortfolioScreen },
  { id: 'parametres', label: 'screen.settings', component: SettingsScreen },
  criteriaScreen,
  scenarioScreen,
  ...optimiserScreens,
  riskScreen,
  committeeScreen,
  // MODEL.md §9: the adopted plan against the CP paid, and the next year.
  executionScreen,
  presentScreen,
  dossierScreen,
  notesScreen,
];

/**
 * The short names the navigation shows when the full ones would not hold on
 * one line (a 1280 px laptop): each is the start of, or contained in, the
 * full name, which stays the link's accessible name (WCAG 2.5.3).
 */
export const shortLabels: Record<string, { fr: string; en: string }> = {
  criteres: { fr: 'Critères', en: 'Criteria' },
  scenarios: { fr: 'Scénarios', en: 'Scenarios' },
  frontiere: { fr: 'Frontière', en: 'Frontier' },
  comparaison: { fr: 'Comparer', en: 'Compare' },
  suivi: { fr: 'Suivi', en: 'Follow-up' },
  dossier: { fr: 'Dossier', en: 'Dossier' },
  calculs: { fr: 'Notes', en: 'Notes' },
};
