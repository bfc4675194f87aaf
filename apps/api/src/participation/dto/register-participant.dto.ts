import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Personal data: validated, then sealed with the person's own key; never stored in plaintext in events. */
export class RegisterParticipantDto {
  @ApiProperty({ example: 'Åse Ŋuolja-Čoavddáš', minLength: 1, maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** Fødselsnummer or D-number: 11 digits with both check digits. */
  @ApiPropertyOptional({
    example: '15076500565',
    pattern: '^\\d{11}$',
    description: '11 digits, valid check digits',
  })
  @IsOptional()
  @IsString()
  nationalId?: string;

  /** Norwegian account number, 11 digits (mod 11); dots and spaces allowed. */
  @ApiPropertyOptional({
    example: '1234.56.78903',
    maxLength: 20,
    description: '11 digits (mod 11), dots and spaces allowed',
  })
  @IsOptional()
  @IsString()
  bankAccount?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254, example: 'ase@example.no' })
  @IsOptional()
  @IsString()
  email?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  address?: string;

  /** Organisations that employ the person (matters for system-level appointments). */
  @ApiPropertyOptional({
    type: 'array',
    maxItems: 50,
    items: { type: 'string', minLength: 1, maxLength: 100 },
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  employedBy?: string[];
}
