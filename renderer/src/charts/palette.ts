/**
 * Colours of directions in the roadmap: the Okabe–Ito set, safe for
 * colour-blind readers; bars also carry a dark outline so light colours
 * keep a 3:1 contrast with the white background.
 */
export const DIRECTION_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#999999',
];
export const NO_DIRECTION_COLOUR = '#ffffff';

/** The colour of each direction id, in the order of `directions`. */
export function directionColours(directions: readonly { id: string }[]): Map<string, string> {
  return new Map(
    directions.map((d, i) => [d.id, DIRECTION_COLOURS[i % DIRECTION_COLOURS.length] as string]),
  );
}
