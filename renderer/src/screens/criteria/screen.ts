/** The criteria screen's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import CriteriaScreen from './CriteriaScreen.svelte';

export const criteriaScreen: ScreenDef = {
  id: 'criteres',
  label: { fr: 'Critères et valeur', en: 'Criteria and value' },
  component: CriteriaScreen,
};
