import { Ore } from '@app/shared-kernel';
import { CalendarDate } from '../common/calendar-date';
import { AppointmentRole, Attendance, HonorariumDecision, InvolvementForm } from '../common/vocabulary';

/** Expenses (reiseutgifter, kost, overnatting) as logged with an involvement. */
export type Expense =
  /** Own car (kilometergodtgjørelse); decimal km are rounded to whole km before pricing. */
  | { kind: 'mileage'; km: number }
  /** Documented outlays refunded at cost. */
  | { kind: 'ticket' | 'lodging' | 'other'; amountOre: Ore; receiptRef?: string }
  /** Meals (kost) on a trip: one claim covers one trip of at most 24 hours. */
  | { kind: 'meals'; tripHours: number; overnight: boolean; km: number };

export const RECEIPT_KINDS = ['ticket', 'lodging', 'other'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

export const EXPENSE_KINDS = ['mileage', ...RECEIPT_KINDS, 'meals'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

/** One involvement as the calculator needs it: the paying part of docs/api.md's "Logging an involvement". */
export interface Involvement {
  form: InvolvementForm;
  occurredOn: CalendarDate;
  attendance: Attendance;
  /** Decimal hours, each 0–24; converted to whole minutes before any arithmetic. */
  hours: { meeting: number; preparation?: number; travel?: number };
  expenses?: Expense[];
  /** Lost income (tapt arbeidsinntekt), documented or not. */
  lostIncome?: { documented: boolean; amountOre: Ore };
  honorariumDecision?: HonorariumDecision;
  /**
   * The participant's own waiver of the honorarium: time is not paid (meeting,
   * preparation, travel time); expenses and lost income are still covered.
   */
  waived?: boolean;
  /** A user gathering held as a meeting: its two decisions, taken once for everyone (replaces honorariumDecision). */
  gatheringDecisions?: GatheringDecisions;
}

/** A user gathering's decisions: are expenses covered, is honorarium paid. */
export interface GatheringDecisions {
  expensesCovered: boolean;
  honorariumPaid: boolean;
}

/**
 * Another involvement of the same participant on the same day, so daily caps
 * hold across all of them. `orderKey` decides who uses the cap first; give a key
 * that grows with logging order (e.g. the stream position, or logged-at + id)
 * so an involvement logged later never takes from one already paid.
 */
export interface SameDayInvolvement {
  orderKey: string;
  involvement: Involvement;
  role?: AppointmentRole | null;
}
