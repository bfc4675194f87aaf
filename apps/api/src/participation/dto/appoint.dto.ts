import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { APPOINTED_FORMS, APPOINTMENT_ROLES, NOMINATING_BODY_KINDS } from '@app/participation';

/** Oppnevning: who proposed the representative and who appointed them. */
export class AppointDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  participantId!: string;
  @ApiProperty({ enum: APPOINTMENT_ROLES, example: 'member' }) @IsIn(APPOINTMENT_ROLES) role!: string;
  @ApiProperty({ example: 'Brukerutvalget', minLength: 1, maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  nominatedBy!: string;
  @ApiProperty({ example: 'Styret', minLength: 1, maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  appointedBy!: string;
  @ApiProperty({ format: 'date', example: '2025-01-01' }) @IsISO8601({ strict: true }) from!: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  exceptionReason?: string;
  @ApiPropertyOptional({
    enum: APPOINTED_FORMS,
    example: 'user-council',
    description:
      'The body appointed to; a user-panel appointment needs `to` (422 panel-appointment-needs-end-date)',
  })
  @IsOptional()
  @IsIn(APPOINTED_FORMS)
  form?: string;
  @ApiPropertyOptional({
    enum: NOMINATING_BODY_KINDS,
    example: 'user-organisation',
    description: 'What kind of body proposed',
  })
  @IsOptional()
  @IsIn(NOMINATING_BODY_KINDS)
  nominatedByKind?: string;
  @ApiPropertyOptional({
    example: 'Styresak 45/2025',
    minLength: 1,
    maxLength: 200,
    description: 'The appointing decision',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  decisionRef?: string;
  @ApiPropertyOptional({
    example: 'Representere pasienter og pårørende i arbeidet med ny akuttmottaksplan',
    minLength: 1,
    maxLength: 4000,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  mandate?: string;
}
