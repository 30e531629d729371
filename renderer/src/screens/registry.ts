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
