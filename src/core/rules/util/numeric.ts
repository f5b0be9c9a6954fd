/** Arithmetic helpers for the rules; they live in the model so extractors share them. */
export { agreesAtPrecision, formatLike, isApproximate, roundTo, signed, withinTolerance } from '../../model/arithmetic';
export { checkedText, linesWithOffsets } from '../../model/text';
export { NUMBER_SOURCE, unitScale } from '../../grammar/units';
