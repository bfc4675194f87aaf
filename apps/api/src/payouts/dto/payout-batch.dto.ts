import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { UnpricedEntryView } from '../../participation/dto/participation.responses';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class DraftPayoutBatchDto {
  /** Every involvement on or before this day is considered. */
  @ApiProperty({ format: 'date', example: '2025-05-31' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodEnd must be a date YYYY-MM-DD' })
  periodEnd!: string;

  /** Only involvements of this organisation's projects. */
  @ApiPropertyOptional({ example: 'helse-bergen', minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organizationId?: string;
}

export class LeftForNextBatchView {
  @ApiProperty({ type: 'integer', minimum: 0 }) lineCount!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) involvementCount!: number;
  @ApiProperty({ type: 'integer', description: 'øre; reclaims count negative, as in totalOre' })
  totalOre!: number;
}

export class HeldBackInvolvementView {
  @ApiProperty() involvementId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: ['disputed-by-participant'], description: 'Why the draft left it out' })
  reason!: string;
  @ApiProperty({
    type: [String],
    enum: ['attendance', 'hours', 'expenses', 'form', 'other'],
    description: 'What the participant disputes',
  })
  concerns!: string[];
  @ApiProperty({ format: 'date-time' }) disputedAt!: string;
}

export class DraftedBatchDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) lineCount!: number;
  @ApiProperty({ type: 'integer', description: 'øre' }) totalOre!: number;
  @ApiProperty({
    type: [UnpricedEntryView],
    description: 'Involvements up to the period end that cannot be priced, so hold no line',
  })
  unpriced!: UnpricedEntryView[];
  @ApiProperty({
    type: LeftForNextBatchView,
    description:
      'Owed up to the period end but beyond the batch bound (50 000 000 kr moved): whole involvements, youngest last, left owed for the next draft; zeros when everything fit',
  })
  leftForNextBatch!: LeftForNextBatchView;
  @ApiProperty({
    type: [HeldBackInvolvementView],
    description:
      'Involvements their participant disputes: no line (earlier lines left alone) until the lead corrects the involvement or the participant confirms it',
  })
  heldBack!: HeldBackInvolvementView[];
}

export class CancelPayoutBatchDto {
  @ApiProperty({ example: 'Feil periode', minLength: 1, maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class PaymentResultDto {
  @ApiProperty({ minLength: 1, maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) lineId!: string;
  @ApiProperty({ enum: ['paid', 'failed'] }) @IsIn(['paid', 'failed']) status!: 'paid' | 'failed';
  /** The bank's or ledger's payment reference; required when paid. */
  @ApiPropertyOptional({ minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reference?: string;
  /** Why the payment failed; required when failed. */
  @ApiPropertyOptional({ minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class RecordPaymentsDto {
  @ApiProperty({ type: [PaymentResultDto], minItems: 1, maxItems: 10000 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => PaymentResultDto)
  results!: PaymentResultDto[];
}
