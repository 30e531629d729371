/** The presentation mode's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import PresentScreen from './PresentScreen.svelte';

export const presentScreen: ScreenDef = {
  id: 'presentation',
  label: { fr: 'Présentation', en: 'Presentation' },
  component: PresentScreen,
};
