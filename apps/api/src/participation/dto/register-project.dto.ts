import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PARTICIPATION_LEVELS } from '@app/participation';

export class RegisterProjectDto {
  @ApiProperty({ example: 'Ny pasientreise-ordning', minLength: 1, maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'helse-bergen', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organizationId!: string;

  /** Region code of the honorarium guideline (GET /v1/guidelines). */
  @ApiProperty({
    example: 'helse-bergen-neuro-sysmed',
    minLength: 1,
    maxLength: 100,
    description: 'A region of GET /v1/guidelines; another is refused with 422 listing them',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region!: string;

  /** individnivå / tjenestenivå / systemnivå */
  @ApiProperty({ enum: PARTICIPATION_LEVELS, example: 'service' })
  @IsIn(PARTICIPATION_LEVELS)
  level!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

export class AddProjectLeadDto {
  @ApiProperty({ description: 'The lead’s subject (JWT sub)', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sub!: string;

  @ApiProperty({ minLength: 1, maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
}

export class CreatedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The aggregate version (its ETag)' })
  version!: number;
}
