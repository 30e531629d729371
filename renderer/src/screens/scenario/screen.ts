/** The scenario and optimiser screen's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import ScenarioScreen from './ScenarioScreen.svelte';

export const scenarioScreen: ScreenDef = {
  id: 'scenarios',
  label: { fr: 'Scénarios et optimisation', en: 'Scenarios and optimisation' },
  component: ScenarioScreen,
};
