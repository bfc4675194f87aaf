import { Ore } from '@app/shared-kernel';
import {
  AppointmentRole,
  Attendance,
  HonorariumDecision,
  InvolvementForm,
  IsoDate,
  PersonalText,
} from '../common';

/** Decimal hours, e.g. 2.67 for 2 h 40 min; rounding is the honorarium guideline's business. */
export type Hours = { meeting: number; preparation: number; travel: number };

/** Expenses (reiseutgifter, kost, overnatting): what was spent, priced later by the guideline. */
export type Expense =
  | { kind: 'mileage'; km: number }
  | { kind: 'ticket'; amountOre: Ore; receiptRef: string | null }
  | { kind: 'lodging'; amountOre: Ore; receiptRef: string | null }
  /** Meals (kost) are paid at state rates by trip length, so the trip is described, not priced. */
  | { kind: 'meals'; tripHours: number; overnight: boolean; distanceKm: number | null }
  | { kind: 'other'; amountOre: Ore; receiptRef: string | null; description: string | null };

export const EXPENSE_KINDS = ['mileage', 'ticket', 'lodging', 'meals', 'other'] as const;

/** Lost income (tapt arbeidsinntekt): documented with an amount, or undocumented at the guideline's flat rate. */
export type LostIncome = { documented: boolean; amountOre: Ore | null };

/** The fields a lead logs and may later correct. */
export type InvolvementDetails = {
  form: InvolvementForm;
  /** The day it took place, in Norway. */
  occurredOn: IsoDate;
  attendance: Attendance;
  hours: Hours;
  expenses: Expense[];
  lostIncome: LostIncome | null;
  /** Required for a user gathering; an explicit 'unpaid' turns payment off, but never for a user council or panel. */
  honorariumDecision: HonorariumDecision | null;
  /** Free text about the participant's involvement: sealed with their key in the log (see PERSONAL_TEXT_FIELDS). */
  topic: PersonalText | null;
};

export const DETAIL_FIELDS = [
  'form',
  'occurredOn',
  'attendance',
  'hours',
  'expenses',
  'lostIncome',
  'honorariumDecision',
  'topic',
] as const satisfies readonly (keyof InvolvementDetails)[];

/** The appointment an involvement was made under; the honorarium may depend on its role. */
export type AppointmentRef = { appointmentId: string; role: AppointmentRole };

/** Facts derived by the domain from the details, carried in the events so no reader re-derives them. */
export type Classification = {
  appointment: AppointmentRef | null;
  /** False for peer support (likemannsarbeid): recorded, never counted as participation. */
  countsAsParticipation: boolean;
  /** Whether the guideline may pay honorarium at all: never for peer support or an explicit 'unpaid'. */
  payable: boolean;
};

/** Input as it arrives from the API: loosely typed, checked by the decider. */
export type HoursInput = { meeting?: number; preparation?: number; travel?: number };
export type ExpenseInput = {
  kind: string;
  km?: number;
  amountOre?: number;
  receiptRef?: string;
  tripHours?: number;
  overnight?: boolean;
  distanceKm?: number;
  description?: string;
};
export type LostIncomeInput = { documented: boolean; amountOre?: number };
export type DetailsInput = {
  form: string;
  occurredOn: IsoDate;
  attendance: string;
  hours?: HoursInput;
  expenses?: ExpenseInput[];
  lostIncome?: LostIncomeInput | null;
  honorariumDecision?: string | null;
  topic?: string | null;
};
