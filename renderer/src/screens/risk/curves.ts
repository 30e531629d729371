/**
 * The risk curves now live in the engine (shared/engine/simulate/curves.ts).
 * This forwarding module keeps the risk pool's import working until the
 * pool moves to renderer/src/compute/; nothing else should import it.
 */
export {
  delayCauses,
  probabilityAtMost,
  sCurve,
  valueSample,
  type CurvePoint,
  type DelayCause,
} from '../../../../shared/engine/simulate/curves';
