/**
 * The optimiser's two analysis screens in the navigation
 * (renderer/src/screens/registry.ts): the efficient frontier, then the
 * scenario comparison.
 */
import { compareScreen } from '../compare/screen';
import type { ScreenDef } from '../registry';
import FrontierScreen from './FrontierScreen.svelte';

export const frontierScreen: ScreenDef = {
  id: 'frontiere',
  label: { fr: 'Frontière efficace', en: 'Efficient frontier' },
  component: FrontierScreen,
};

export const optimiserScreens: ScreenDef[] = [frontierScreen, compareScreen];
