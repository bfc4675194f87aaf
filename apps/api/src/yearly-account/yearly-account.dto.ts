import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import {
  AGE_BANDS,
  MEASURE_STATUSES,
  PERSPECTIVES,
  RECORDED_SPENDING_LINES,
  TRAINING_AUDIENCES,
} from '@app/yearly-account';

// Request bodies of the yearly-account endpoints. The domain parsers check every
// field (400 naming it); these classes document them and admit them past the
// global pipe's whitelist.

const ORE = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

export class PerspectiveDto {
  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: 2,
    uniqueItems: true,
    items: { type: 'string', enum: [...PERSPECTIVES] },
  })
  @Allow()
  perspectives!: string[];
}

export class BreadthAttributesSchema {
  @ApiPropertyOptional({ enum: AGE_BANDS }) ageBand?: string;
  @ApiPropertyOptional({ description: 'Sami background' }) sami?: boolean;
  @ApiPropertyOptional({ description: 'Immigrant or national minority background' })
  minorityBackground?: boolean;
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: 'psykisk helse' }) serviceArea?: string;
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: 'FFO' }) userOrganization?: string;
}

export class BreadthConsentDto {
  @ApiProperty({ type: BreadthAttributesSchema, description: 'At least one attribute' })
  @Allow()
  attributes!: Record<string, unknown>;
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'Where the written consent is filed; required when an admin records it',
  })
  @Allow()
  writtenConsentRef?: string;
}

export class TrainingDto {
  @ApiProperty({ minLength: 1, maxLength: 200 }) @Allow() organizationId!: string;
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Introduksjonskurs for brukerrepresentanter' })
  @Allow()
  title!: string;
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Lærings- og mestringssenteret' })
  @Allow()
  organiser!: string;
  @ApiProperty({ type: 'string', format: 'date' }) @Allow() occurredOn!: string;
  @ApiProperty({ type: 'number', minimum: 0.01, maximum: 200 }) @Allow() hours!: number;
  @ApiProperty({ enum: TRAINING_AUDIENCES }) @Allow() audience!: string;
  @ApiPropertyOptional({
    type: 'array',
    maxItems: 500,
    items: { type: 'string', minLength: 1, maxLength: 100 },
    description: 'For representatives: who took part',
  })
  @Allow()
  participantIds?: string[];
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 100000,
    description: 'For staff: how many took part',
  })
  @Allow()
  staffCount?: number;
  @ApiProperty({ description: 'Representatives paid for their time per the guideline' })
  @Allow()
  paid!: boolean;
  @ApiProperty({ ...ORE, description: 'What the course cost, øre' }) @Allow() costOre!: number;
}

export class MeasureDto {
  @ApiProperty({ minLength: 1, maxLength: 200 }) @Allow() organizationId!: string;
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Opplæring av nye brukerrepresentanter' })
  @Allow()
  what!: string;
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Fagdirektør' }) @Allow() responsible!: string;
  @ApiProperty({ type: 'string', format: 'date' }) @Allow() deadline!: string;
  @ApiPropertyOptional({ enum: MEASURE_STATUSES, default: 'planned' }) @Allow() status?: string;
  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2999, description: 'The year it is planned for' })
  @Allow()
  year!: number;
}

export class MeasureStatusDto {
  @ApiProperty({ enum: MEASURE_STATUSES }) @Allow() status!: string;
}

const KEY = {
  organizationId: { minLength: 1, maxLength: 200 },
  year: { type: 'integer', minimum: 1900, maximum: 2999 },
} as const;

/** A budget: every line in øre (0 when nothing is budgeted). */
export class BudgetDto {
  @ApiProperty(KEY.organizationId) @Allow() organizationId!: string;
  @ApiProperty(KEY.year) @Allow() year!: number;
  @ApiProperty({ ...ORE, description: 'Honorarium (møtegodtgjørelse)' }) @Allow() honorariumOre!: number;
  @ApiProperty({ ...ORE, description: 'Travel, meals, lodging' }) @Allow() expensesOre!: number;
  @ApiProperty({ ...ORE, description: 'Lost income' }) @Allow() lostIncomeOre!: number;
  @ApiProperty({ ...ORE, description: 'Running costs of councils' }) @Allow() councilRunningCostsOre!: number;
  @ApiProperty({ ...ORE, description: 'Grants to user organisations' })
  @Allow()
  userOrganizationGrantsOre!: number;
  @ApiProperty({ ...ORE, description: 'Training' }) @Allow() trainingOre!: number;
}

export class SpendingDto {
  @ApiProperty(KEY.organizationId) @Allow() organizationId!: string;
  @ApiProperty({ ...KEY.year, description: 'The budget year' }) @Allow() year!: number;
  @ApiProperty({ enum: RECORDED_SPENDING_LINES }) @Allow() line!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @Allow() amountOre!: number;
  @ApiProperty({ type: 'string', format: 'date', description: 'Within the budget year' })
  @Allow()
  spentOn!: string;
  @ApiProperty({ minLength: 1, maxLength: 500 }) @Allow() note!: string;
}

export class ConsentView {
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
  @ApiProperty() consentId!: string;
}

export class IdView {
  @ApiProperty() id!: string;
}

export class IdVersionView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
}

export class YearlyVersionView {
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
}
