import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

/** The employers from a day on; `[]` when the person no longer works for any organisation. */
export class ChangeEmploymentDto {
  @ApiProperty({
    type: 'array',
    maxItems: 50,
    items: { type: 'string', minLength: 1, maxLength: 100 },
    example: ['stolav'],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  employedBy!: string[];

  @ApiProperty({ format: 'date', example: '2025-08-01', description: 'The first day of the new employment' })
  @IsISO8601({ strict: true })
  from!: string;
}

/** Validated (11 digits, mod 11), then sealed with the person’s key with the rest of their data. */
export class ChangeBankAccountDto {
  @ApiProperty({
    example: '1234.56.78903',
    maxLength: 30,
    description: '11 digits (mod 11), dots and spaces allowed',
  })
  @IsString()
  @MaxLength(30)
  bankAccount!: string;
}

/** Give either or both; null or blank clears one. Sealed like registration. */
export class ChangeContactDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}
