import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Personal data: validated, then sealed with the person's own key; never stored in plaintext in events. */
export class RegisterParticipantDto {
  @ApiProperty({ example: 'Åse Ŋuolja-Čoavddáš' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** Fødselsnummer or D-number: 11 digits with both check digits. */
  @ApiPropertyOptional({ example: '15076500565' })
  @IsOptional()
  @IsString()
  nationalId?: string;

  /** Norwegian account number, 11 digits (mod 11); dots and spaces allowed. */
  @ApiPropertyOptional({ example: '1234.56.78903' })
  @IsOptional()
  @IsString()
  bankAccount?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  address?: string;

  /** Organisations that employ the person (matters for system-level appointments). */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  employedBy?: string[];
}
