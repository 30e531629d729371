/** Colours for criteria in charts: Okabe–Ito, safe for colour-blind readers. */
export const CRITERION_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#6b6b6b',
  '#f0e442',
];

export const colourOf = (index: number) =>
  CRITERION_COLOURS[index % CRITERION_COLOURS.length] ?? '#6b6b6b';
