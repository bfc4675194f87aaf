import { ApiPropertyOptional } from '@nestjs/swagger';
import { ATTENDANCES, HONORARIUM_DECISIONS, INVOLVEMENT_FORMS } from '@app/participation';
import { EXPENSE_ITEM } from './expense.schemas';
import { LostIncomeDto } from './log-involvement.dto';

const HOURS = { type: 'number', minimum: 0, maximum: 24 } as const;

/** Hours to change; each named one replaces the current value, the others stay. */
export class CorrectedHoursSchema {
  @ApiPropertyOptional(HOURS) meeting?: number;
  @ApiPropertyOptional(HOURS) preparation?: number;
  @ApiPropertyOptional(HOURS) travel?: number;
}

/** The logged fields a correction may change, with the same rules as when logged; any other field is refused. */
export class CorrectableFieldsSchema {
  @ApiPropertyOptional({ enum: INVOLVEMENT_FORMS }) form?: string;
  @ApiPropertyOptional({ format: 'date', example: '2025-05-20' }) occurredOn?: string;
  @ApiPropertyOptional({ enum: ATTENDANCES }) attendance?: string;
  @ApiPropertyOptional({ type: CorrectedHoursSchema }) hours?: CorrectedHoursSchema;
  @ApiPropertyOptional({ type: 'array', maxItems: 50, items: EXPENSE_ITEM, nullable: true })
  expenses?: object[] | null;
  @ApiPropertyOptional({ type: LostIncomeDto, nullable: true }) lostIncome?: LostIncomeDto | null;
  @ApiPropertyOptional({ enum: HONORARIUM_DECISIONS, nullable: true }) honorariumDecision?: string | null;
  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true }) topic?: string | null;
}
