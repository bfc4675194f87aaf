import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PARTICIPATION_LEVELS } from '@app/participation';

export class RegisterProjectDto {
  @ApiProperty({ example: 'Ny pasientreise-ordning' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'helse-bergen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organizationId!: string;

  /** Region code of the honorarium guideline (GET /v1/guidelines). */
  @ApiProperty({ example: 'helse-midt-norge' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region!: string;

  /** individnivå / tjenestenivå / systemnivå */
  @ApiProperty({ enum: PARTICIPATION_LEVELS })
  @IsIn(PARTICIPATION_LEVELS)
  level!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

export class AddProjectLeadDto {
  @ApiProperty({ description: 'The lead’s subject (JWT sub)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sub!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
}

export class CreatedDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
}
