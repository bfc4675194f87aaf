import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ATTENDANCES, HONORARIUM_DECISIONS, INVOLVEMENT_FORMS } from '@app/participation';
import { EXPENSE_ITEM, EXPENSE_SCHEMAS } from './expense.schemas';

const HOURS = { type: 'number', minimum: 0, maximum: 24 } as const;

/** Decimal hours; the domain checks the ranges (each 0–24, meeting > 0 unless absent or cancelled). */
export class HoursDto {
  @ApiProperty({ ...HOURS, example: 2.67 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  meeting!: number;
  @ApiPropertyOptional({ ...HOURS, example: 1.17 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  preparation?: number;
  @ApiPropertyOptional({ ...HOURS, example: 1.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  travel?: number;
}

/** Tapt arbeidsinntekt. */
export class LostIncomeDto {
  @ApiProperty({ example: true }) @IsBoolean() documented!: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    example: 150000,
    description: 'øre; required when documented',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  amountOre?: number;
}

@ApiExtraModels(...EXPENSE_SCHEMAS)
export class LogInvolvementDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  participantId!: string;
  @ApiProperty({ enum: INVOLVEMENT_FORMS, example: 'user-council' }) @IsIn(INVOLVEMENT_FORMS) form!: string;
  @ApiProperty({ format: 'date', example: '2025-05-20', description: 'Not in the future' })
  @IsISO8601({ strict: true })
  occurredOn!: string;
  @ApiProperty({
    enum: ATTENDANCES,
    example: 'in-person',
    description:
      'absent: the participant did not come (no honorarium; expenses only where the guideline says so). ' +
      'cancelled: the organiser cancelled (no honorarium; documented expenses already incurred are covered). ' +
      'Both allow hours.meeting 0.',
  })
  @IsIn(ATTENDANCES)
  attendance!: string;

  @ApiProperty({ type: HoursDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => HoursDto)
  hours!: HoursDto;

  /** `{kind: 'mileage', km}`, `{kind: 'ticket'|'lodging'|'other', amountOre, receiptRef}`, `{kind: 'meals', tripHours, overnight, km}`. */
  @ApiPropertyOptional({
    type: 'array',
    maxItems: 50,
    items: EXPENSE_ITEM,
    example: [
      { kind: 'mileage', km: 84 },
      { kind: 'ticket', amountOre: 45000, receiptRef: 'kvittering-2025-05-20' },
    ],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  expenses?: Array<Record<string, unknown>>;

  @ApiPropertyOptional({ type: LostIncomeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LostIncomeDto)
  lostIncome?: LostIncomeDto;

  @ApiPropertyOptional({
    enum: HONORARIUM_DECISIONS,
    description:
      'A user-gathering without a meeting needs it; in a gathering meeting the meeting decides for everyone (422 gathering-decisions-on-meeting)',
  })
  @IsOptional()
  @IsIn(HONORARIUM_DECISIONS)
  honorariumDecision?: string;
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    description:
      'The meeting it belongs to: of the same project, form and day (422 involvement-meeting-mismatch otherwise)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  meetingId?: string;
  @ApiPropertyOptional({ maxLength: 500, example: 'Ny pasientreise-ordning' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  topic?: string;
}
