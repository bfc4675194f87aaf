import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  @ApiProperty({ example: '2025-05-31' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodEnd must be a date YYYY-MM-DD' })
  periodEnd!: string;

  /** Only involvements of this organisation's projects. */
  @ApiPropertyOptional({ example: 'helse-bergen' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organizationId?: string;
}

export class DraftedBatchDto {
  @ApiProperty() id!: string;
  @ApiProperty() lineCount!: number;
  @ApiProperty({ description: 'øre' }) totalOre!: number;
}

export class CancelPayoutBatchDto {
  @ApiProperty({ example: 'Feil periode' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class PaymentResultDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) lineId!: string;
  @ApiProperty({ enum: ['paid', 'failed'] }) @IsIn(['paid', 'failed']) status!: 'paid' | 'failed';
  /** The bank's or ledger's payment reference; required when paid. */
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) reference?: string;
  /** Why the payment failed; required when failed. */
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) reason?: string;
}

export class RecordPaymentsDto {
  @ApiProperty({ type: [PaymentResultDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => PaymentResultDto)
  results!: PaymentResultDto[];
}
