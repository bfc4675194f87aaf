import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { DISPUTE_CONCERNS } from '@app/participation';

/** The representative confirms what is logged about them, or disputes it with a reason (docs/adr/0028). */
export class ConfirmationDto {
  @ApiProperty({
    example: false,
    description:
      'true: what is logged is right (after a dispute this withdraws it); false: disputed, with a reason',
  })
  @IsBoolean()
  confirmed!: boolean;

  @ApiPropertyOptional({
    example: 'Jeg var ikke på møtet',
    minLength: 1,
    maxLength: 2000,
    description:
      'Required when confirmed is false. Sealed as personal free text; shown to the project’s leads and auditors.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: DISPUTE_CONCERNS,
    minItems: 1,
    maxItems: 5,
    example: ['attendance'],
    description:
      'With confirmed: false, what is disputed (default other); attendance counts against "attended".',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(DISPUTE_CONCERNS, { each: true })
  concerns?: string[];
}

/** The participant's own waiver of the honorarium; expenses are still covered. */
export class WaiverDto {
  @ApiProperty({ example: 'Jeg deltar som ansatt i brukerorganisasjonen', minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class FeedbackAcknowledgementDto {
  @ApiProperty({
    description: 'The id of the feedback evidence, as the involvement lists it',
    maxLength: 100,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  evidenceId!: string;
}
