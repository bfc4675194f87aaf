import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { APPOINTMENT_ROLES } from '@app/participation';

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
}
