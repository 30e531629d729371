/**
 * IPC channel names between the preload and the main process. The preload
 * uses only these; the main process listens only on these.
 */
export const CHANNELS = {
  call: 'arbitra:call',
  pickOpenPath: 'arbitra:pickOpenPath',
  pickSavePath: 'arbitra:pickSavePath',
  menu: 'arbitra:menu',
  printPdf: 'arbitra:printPdf',
} as const;
