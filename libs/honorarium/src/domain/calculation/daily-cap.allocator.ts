import { Ore, formatNok } from '@app/shared-kernel';
import { Guideline } from '../guideline/guideline.types';
import { HonorariumLine, LineKind, PayableLineKind } from './honorarium-line.types';

/** A ceiling on the sum of some line kinds per participant per day. */
export interface DailyLimit {
  capOre: Ore;
  kinds: readonly PayableLineKind[];
  label: string;
}

/** Every per-day ceiling the guideline sets, in a fixed order: lost income first, then its daily caps. */
export function dailyLimits(guideline: Guideline): DailyLimit[] {
  const limits: DailyLimit[] = [];
  for (const rule of guideline.rules) {
    if (rule.kind === 'lost-income' && rule.documented && rule.documented.capPerDayOre !== null) {
      limits.push({
        capOre: rule.documented.capPerDayOre,
        kinds: ['lost-income-documented'],
        label: 'the cap on documented lost income',
      });
    }
    if (rule.kind === 'lost-income' && rule.undocumented) {
      limits.push({
        capOre: rule.undocumented.flatPerDayOre,
        kinds: ['lost-income-undocumented'],
        label: 'the flat undocumented lost income',
      });
    }
  }
  for (const rule of guideline.rules) {
    if (rule.kind === 'daily-cap')
      limits.push({
        capOre: rule.capOre,
        kinds: rule.appliesTo,
        label: `the daily cap on ${rule.appliesTo.join(', ')}`,
      });
  }
  return limits;
}

/** One involvement of the day; `orderKey: null` sorts after every keyed one (it is being logged now). */
export interface DayEntry {
  orderKey: string | null;
  lines: HonorariumLine[];
}

/** Code-unit order, the same on every machine and locale. */
function byOrderKey(a: DayEntry, b: DayEntry): number {
  if (a.orderKey === b.orderKey) return 0;
  if (a.orderKey === null) return 1;
  if (b.orderKey === null) return -1;
  return a.orderKey < b.orderKey ? -1 : 1;
}

/**
 * Applies each limit across the day: involvements use it up in `orderKey`
 * order, so the same day's involvements together never exceed it and each
 * one's share does not depend on which of them is being calculated. Within an
 * involvement the last covered lines give way first. Returns new lines per
 * entry, in the entries' given order.
 */
export function allocateDailyLimits(
  entries: readonly DayEntry[],
  limits: readonly DailyLimit[],
): HonorariumLine[][] {
  const result = entries.map((entry) => [...entry.lines]);
  const order = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => byOrderKey(a.entry, b.entry));
  for (const limit of limits) {
    const covers = (kind: LineKind) => (limit.kinds as readonly LineKind[]).includes(kind);
    let used = 0;
    for (const { index } of order) {
      const lines = result[index];
      const covered = lines.filter((l) => covers(l.kind)).reduce((sum, l) => sum + l.amountOre, 0);
      const allowed = Math.min(covered, Math.max(0, limit.capOre - used));
      let excess = covered - allowed;
      for (let j = lines.length - 1; j >= 0 && excess > 0; j--) {
        const cut = covers(lines[j].kind) ? Math.min(excess, lines[j].amountOre) : 0;
        if (cut === 0) continue;
        const earlier =
          used > 0 ? `, ${formatNok(used)} NOK of it used by earlier involvements that day` : '';
        const note = ` Reduced by ${formatNok(cut)} NOK: ${limit.label} is ${formatNok(limit.capOre)} NOK per participant per day${earlier}.`;
        lines[j] = {
          ...lines[j],
          amountOre: lines[j].amountOre - cut,
          explanation: lines[j].explanation + note,
        };
        excess -= cut;
      }
      used += allowed;
    }
  }
  return result;
}
