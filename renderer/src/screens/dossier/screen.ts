/** The printable dossier's entry in the navigation (renderer/src/screens/registry.ts). */
import type { ScreenDef } from '../registry';
import DossierScreen from './DossierScreen.svelte';

export const dossierScreen: ScreenDef = {
  id: 'dossier',
  label: { fr: 'Dossier PDF', en: 'PDF dossier' },
  component: DossierScreen,
};
