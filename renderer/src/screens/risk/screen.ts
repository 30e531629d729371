/** The risk screen's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import RiskScreen from './RiskScreen.svelte';

export const riskScreen: ScreenDef = {
  id: 'risques',
  label: { fr: 'Risques', en: 'Risks' },
  component: RiskScreen,
};
