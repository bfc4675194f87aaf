import { Ore } from '@app/shared-kernel';
import { CalendarDate } from '../common/calendar-date';
import { Rounding } from '../common/minutes';
import {
  AppointmentRole,
  Attendance,
  HonorariumDecision,
  InvolvementForm,
  NotAttended,
} from '../common/vocabulary';
import { ExpenseKind, ReceiptKind } from '../involvement/involvement.types';
import { PayableLineKind } from '../calculation/honorarium-line.types';

/**
 * A regional honorarium guideline, one version of it. There is no national
 * table: each health authority, trust, unit or municipality sets its own and
 * changes it over time, so a guideline is versioned data and every rule names
 * the public source it was taken from.
 */
export interface Guideline {
  /** Region code, the guideline's id and part of the API contract, e.g. `helse-midt-norge`. */
  region: string;
  /** Who set the rules, e.g. "Helse Bergen HF, Neuro-SysMed". */
  issuer: string;
  /** The version is its effective-from date, so versions order by when they apply. */
  version: CalendarDate;
  effectiveFrom: CalendarDate;
  /** `illustrative` marks a table built from other sources until the region's own is entered. */
  label: 'sourced' | 'illustrative';
  note?: string;
  rules: GuidelineRule[];
}

export const GUIDELINE_LABELS = ['sourced', 'illustrative'] as const;

export type GuidelineRule =
  | MeetingHourlyRule
  | MeetingTieredRule
  | MeetingFlatRule
  | PreparationRule
  | TravelTimeRule
  | LostIncomeRule
  | DailyCapRule
  | NotPayableRule
  | NotAttendedExpensesRule
  | MileageRule
  | ReceiptsRule
  | MealsRule
  | TaxRule;

export type RuleKind = GuidelineRule['kind'];

/** Each rule says where it comes from; `note` says why it reads as it does when the source is silent. */
interface Sourced {
  source: string;
  note?: string;
}

/** A rate that may depend on the appointment role; `defaultOre` pays everyone else. */
export interface RoleRates {
  defaultOre: Ore;
  byRole?: Partial<Record<AppointmentRole, Ore>>;
}

/**
 * What a pay rule (meeting-hourly, meeting-tiered, meeting-flat) pays and how
 * it is reported. A guideline pays only the forms its pay rules name: a form
 * none names is not paid, and the calculation says so.
 */
interface FormScoped {
  /**
   * The forms this rule pays. Required when a version is published; absent
   * only in versions stored before forms were named, which paid every form.
   */
  forms?: InvolvementForm[];
  /**
   * The a-melding treatment of these forms' time and lost-income lines;
   * absent: the tax rule's `honorarium` and `lostIncome`. Interviews,
   * conversations and dialogues are not a verv, so never the verv fee code.
   */
  income?: TaxTreatment;
}

/** Meeting time (møtegodtgjørelse) paid per hour after rounding, with an optional floor. */
export interface MeetingHourlyRule extends Sourced, FormScoped {
  kind: 'meeting-hourly';
  /** Øre per hour. */
  rate: RoleRates;
  rounding: Rounding;
  /** E.g. at least 60 minutes when attending in person; applied after rounding. */
  minimum?: { minutes: number; attendance: Attendance[] };
}

/** A fee per meeting chosen by duration: the tier with the largest `fromMinutes` ≤ the meeting's minutes. */
export interface MeetingTieredRule extends Sourced, FormScoped {
  kind: 'meeting-tiered';
  tiers: { fromMinutes: number; fee: RoleRates }[];
}

/** One fee per involvement whatever its length (e.g. a fixed amount per interview). */
export interface MeetingFlatRule extends Sourced, FormScoped {
  kind: 'meeting-flat';
  fee: RoleRates;
}

export type MeetingRule = MeetingHourlyRule | MeetingTieredRule | MeetingFlatRule;
export const MEETING_RULE_KINDS = ['meeting-hourly', 'meeting-tiered', 'meeting-flat'] as const;

export type PreparationRule =
  | (Sourced & { kind: 'preparation'; paid: false })
  | (Sourced & {
      kind: 'preparation';
      paid: true;
      rate: RoleRates;
      rounding: Rounding;
      /** At most the meeting's rounded length (its actual length under a tiered fee). */
      capAtMeetingLength: boolean;
    });

export type TravelTimeRule =
  | (Sourced & { kind: 'travel-time'; paid: false })
  | (Sourced & { kind: 'travel-time'; paid: true; rate: RoleRates; rounding: Rounding });

/** Lost income (tapt arbeidsinntekt). `null` means that kind is not paid. */
export interface LostIncomeRule extends Sourced {
  kind: 'lost-income';
  /** Paid as claimed, up to `capPerDayOre` per participant per day (`null`: no cap stated). */
  documented: { capPerDayOre: Ore | null } | null;
  /** A flat amount per participant per day, never more than claimed. */
  undocumented: { flatPerDayOre: Ore } | null;
}

/** A cap on the sum of some line kinds per participant per day, across all their involvements. */
export interface DailyCapRule extends Sourced {
  kind: 'daily-cap';
  capOre: Ore;
  appliesTo: PayableLineKind[];
}

/** Nothing is paid (neither honorarium nor expenses) when every given condition holds. */
export interface NotPayableRule extends Sourced {
  kind: 'not-payable';
  when: { attendance?: Attendance; form?: InvolvementForm; honorariumDecision?: HonorariumDecision };
  reason: string;
}

/**
 * The expenses covered when the participant did not take part. `absent` (the
 * participant did not come): only the kinds listed (none without this rule).
 * `cancelled` (the organiser cancelled): documented outlays already incurred
 * (ticket, lodging, other) always, plus the kinds listed. Either way each
 * claim is then priced by the guideline's own expense rules.
 */
export interface NotAttendedExpensesRule extends Sourced {
  kind: 'not-attended-expenses';
  attendance: NotAttended;
  expenses: ExpenseKind[];
}

/**
 * Own car. `state`: the state per-km rate in force on the day; a number: a fixed
 * rate in øre per km; `by-agreement`: paid by separate agreement, so nothing is
 * calculated here. The tax-free part is the state tax-free per-km rate either way.
 */
export interface MileageRule extends Sourced {
  kind: 'mileage';
  perKm: 'state' | 'by-agreement' | Ore;
}

/** Documented outlays refunded at cost, for the listed kinds only. */
export interface ReceiptsRule extends Sourced {
  kind: 'receipts';
  kinds: ReceiptKind[];
  requireReceiptRef: boolean;
}

/** Meals (kost) at the state rates by trip length, for trips longer than `overKm`. */
export interface MealsRule extends Sourced {
  kind: 'meals';
  rates: 'state';
  overKm: number;
}

/** How one kind of line is taxed and which a-melding income type reports it. */
export interface TaxTreatment {
  taxable: boolean;
  incomeType: string;
  source: string;
}

/** The tax split: every paid line is taxable or tax-free, with its a-melding income type. */
export interface TaxRule extends Sourced {
  kind: 'tax';
  /** Meeting, preparation and travel time, unless the pay rule gives its forms their own `income`. */
  honorarium: TaxTreatment;
  lostIncome: TaxTreatment;
  /** Mileage up to the state tax-free per-km rate. */
  mileageTaxFree: TaxTreatment;
  /** Mileage above the tax-free per-km rate. */
  mileageTaxable: TaxTreatment;
  meals: TaxTreatment;
  receipts: TaxTreatment;
}

export const TAX_TREATMENT_KEYS = [
  'honorarium',
  'lostIncome',
  'mileageTaxFree',
  'mileageTaxable',
  'meals',
  'receipts',
] as const;
