/** The execution follow-up screen's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import ExecutionScreen from './ExecutionScreen.svelte';

export const executionScreen: ScreenDef = {
  id: 'suivi',
  label: { fr: 'Suivi d’exécution', en: 'Execution follow-up' },
  component: ExecutionScreen,
};
