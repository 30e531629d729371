/** The scenario comparison screen's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import CompareScreen from './CompareScreen.svelte';

export const compareScreen: ScreenDef = {
  id: 'comparaison',
  label: { fr: 'Comparer des scénarios', en: 'Compare scenarios' },
  component: CompareScreen,
};
