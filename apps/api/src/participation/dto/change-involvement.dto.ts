import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class CorrectInvolvementDto {
  /** Any logged field with its new value (form, occurredOn, attendance, hours, expenses, lostIncome, honorariumDecision, topic). */
  @ApiProperty({ type: 'object', additionalProperties: true, example: { hours: { meeting: 3 } } })
  @IsObject()
  changes!: Record<string, unknown>;

  @ApiProperty({ example: 'Møtet varte lenger enn ført' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class VoidInvolvementDto {
  @ApiProperty({ example: 'Ført på feil prosjekt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** Evidence that participation was real: invitation, attendance, input, feedback, influence. */
export class AddEvidenceDto {
  @ApiProperty({ enum: ['invitation', 'attendance', 'input', 'feedback', 'influence'] })
  @IsIn(['invitation', 'attendance', 'input', 'feedback', 'influence'])
  kind!: string;
  @ApiProperty({ example: '2025-03-01T09:00:00Z' }) @IsISO8601({ strict: true }) at!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) documentsSharedAt?: string;
  @ApiPropertyOptional({ example: 'attendance-list' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  confirmedBy?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) summary?: string;
  @ApiPropertyOptional({ example: 'styresak 12/25' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  decisionRef?: string;
  @ApiPropertyOptional({ enum: ['adopted', 'partly-adopted', 'not-adopted'] })
  @IsOptional()
  @IsIn(['adopted', 'partly-adopted', 'not-adopted'])
  outcome?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) rationale?: string;
}

export class EndAppointmentDto {
  @ApiProperty({ example: '2025-12-31' }) @IsISO8601({ strict: true }) endedOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
