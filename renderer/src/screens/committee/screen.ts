/** The committee screen's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import CommitteeScreen from './CommitteeScreen.svelte';

export const committeeScreen: ScreenDef = {
  id: 'comite',
  label: { fr: 'Comité', en: 'Committee' },
  component: CommitteeScreen,
};
