import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CorrectableFieldsSchema } from './correctable-fields.schema';
import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class CorrectInvolvementDto {
  /** Any logged field with its new value (form, occurredOn, attendance, hours, expenses, lostIncome, honorariumDecision, topic). */
  @ApiProperty({ type: CorrectableFieldsSchema, example: { hours: { meeting: 3 } } })
  @IsObject()
  changes!: Record<string, unknown>;

  @ApiProperty({ example: 'Møtet varte lenger enn ført', minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class VoidInvolvementDto {
  @ApiProperty({ example: 'Ført på feil prosjekt', minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** Evidence that participation was real: invitation, attendance, input, feedback, influence. */
export class AddEvidenceDto {
  @ApiProperty({
    enum: ['invitation', 'attendance', 'input', 'feedback', 'influence'],
    example: 'attendance',
  })
  @IsIn(['invitation', 'attendance', 'input', 'feedback', 'influence'])
  kind!: string;
  @ApiProperty({ format: 'date-time', example: '2025-05-20T12:00:00Z' })
  @IsISO8601({ strict: true })
  at!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'invitation: when the documents were shared' })
  @IsOptional()
  @IsISO8601({ strict: true })
  documentsSharedAt?: string;
  @ApiPropertyOptional({ example: 'attendance-list', maxLength: 300, description: 'attendance: required' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  confirmedBy?: string;
  @ApiPropertyOptional({ maxLength: 5000, description: 'input, feedback: required' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;
  @ApiPropertyOptional({ example: 'styresak 12/25', maxLength: 300, description: 'influence: required' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  decisionRef?: string;
  @ApiPropertyOptional({
    enum: ['adopted', 'partly-adopted', 'not-adopted'],
    description: 'influence: required',
  })
  @IsOptional()
  @IsIn(['adopted', 'partly-adopted', 'not-adopted'])
  outcome?: string;
  @ApiPropertyOptional({ maxLength: 5000, description: 'influence: required' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rationale?: string;
}

export class EndAppointmentDto {
  @ApiProperty({ format: 'date', example: '2025-12-31' }) @IsISO8601({ strict: true }) endedOn!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
