/**
 * The French application menu. Document commands are sent to the renderer
 * as a `MenuAction` (it owns the undo stack and the dialogs' flow); text
 * editing and view commands use Electron's built-in roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/api/contract';

export function menuTemplate(
  send: (action: MenuAction) => void,
  options: { isMac: boolean; dev: boolean },
): MenuItemConstructorOptions[] {
  const item = (
    label: string,
    action: MenuAction,
    accelerator?: string,
    registerAccelerator = true,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator } : {}),
    click: () => send(action),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: 'Arbitra',
      submenu: [
        item('À propos d’Arbitra', 'about'),
        { type: 'separator' },
        { role: 'hide', label: 'Masquer Arbitra' },
        { role: 'hideOthers', label: 'Masquer les autres' },
        { role: 'unhide', label: 'Tout afficher' },
        { type: 'separator' },
        { role: 'quit', label: 'Quitter Arbitra' },
      ],
    });
  }
  template.push(
    {
      label: 'Fichier',
      submenu: [
        item('Nouveau', 'new', 'CmdOrCtrl+N'),
        item('Ouvrir…', 'open', 'CmdOrCtrl+O'),
        item('Enregistrer sous…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Importer…', 'import', 'CmdOrCtrl+I'),
        item('Exporter…', 'export', 'CmdOrCtrl+E'),
        ...(options.isMac
          ? []
          : [{ type: 'separator' } as const, { role: 'quit', label: 'Quitter' } as const]),
      ],
    },
    {
      label: 'Édition',
      submenu: [
        // Shortcuts shown but left to the page: inside a text field Ctrl+Z must
        // undo the typing, not the last document edit (the renderer decides).
        item('Annuler', 'undo', 'CmdOrCtrl+Z', false),
        item('Rétablir', 'redo', options.isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', false),
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'resetZoom', label: 'Taille réelle' },
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Plein écran' },
        ...(options.dev
          ? [
              { type: 'separator' } as const,
              { role: 'reload', label: 'Recharger' } as const,
              { role: 'toggleDevTools', label: 'Outils de développement' } as const,
            ]
          : []),
      ],
    },
    {
      label: 'Aide',
      role: 'help',
      submenu: [item('À propos d’Arbitra', 'about')],
    },
  );
  return template;
}
