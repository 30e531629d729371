/** The calculation notes' entry in the navigation (renderer/src/screens/registry.ts). */
import { NOTES_SCREEN } from '../../lib/notes/sections';
import type { ScreenDef } from '../registry';
import NotesScreen from './NotesScreen.svelte';

export const notesScreen: ScreenDef = {
  id: NOTES_SCREEN,
  label: { fr: 'Notes de calcul', en: 'Calculation notes' },
  component: NotesScreen,
};
