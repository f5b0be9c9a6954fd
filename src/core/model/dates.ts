/** The date grammar lives in `grammar/dates.ts`, the arithmetic in `model/calendar.ts`. */
export * from '../grammar/dates';
export { addDays, daysBetween, isoDay, weekdayLike, weekdayOf, WEEKDAY_NAMES } from './calendar';
