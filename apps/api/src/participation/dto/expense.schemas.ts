import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

// The expense kinds of an involvement as OpenAPI schemas, one per kind,
// discriminated by `kind` (the domain parses and checks them: involvement.parse.ts).

export class MileageExpenseSchema {
  @ApiProperty({ enum: ['mileage'] }) kind!: 'mileage';
  @ApiProperty({ type: 'number', minimum: 0, example: 84, description: 'Kilometres driven' }) km!: number;
}

export class ReceiptExpenseSchema {
  @ApiProperty({ enum: ['ticket', 'lodging'] }) kind!: 'ticket' | 'lodging';
  @ApiProperty({ type: 'integer', minimum: 0, example: 45000, description: 'øre' }) amountOre!: number;
  @ApiPropertyOptional({ maxLength: 200, example: 'kvittering-2025-05-20' }) receiptRef?: string;
}

export class MealsExpenseSchema {
  @ApiProperty({ enum: ['meals'] }) kind!: 'meals';
  @ApiProperty({ type: 'number', minimum: 0, example: 9, description: 'Hours away from home' })
  tripHours!: number;
  @ApiPropertyOptional({ default: false }) overnight?: boolean;
  @ApiPropertyOptional({ type: 'number', minimum: 0, description: 'Kilometres from home' })
  distanceKm?: number;
}

export class OtherExpenseSchema {
  @ApiProperty({ enum: ['other'] }) kind!: 'other';
  @ApiProperty({ type: 'integer', minimum: 0, example: 12000, description: 'øre' }) amountOre!: number;
  @ApiPropertyOptional({ maxLength: 200 }) receiptRef?: string;
  @ApiPropertyOptional({ maxLength: 500 }) description?: string;
}

export const EXPENSE_SCHEMAS = [
  MileageExpenseSchema,
  ReceiptExpenseSchema,
  MealsExpenseSchema,
  OtherExpenseSchema,
];

/** `items` of an expenses array: one of the kinds, chosen by `kind`. */
export const EXPENSE_ITEM = {
  oneOf: EXPENSE_SCHEMAS.map((schema) => ({ $ref: getSchemaPath(schema) })),
  discriminator: {
    propertyName: 'kind',
    mapping: {
      mileage: getSchemaPath(MileageExpenseSchema),
      ticket: getSchemaPath(ReceiptExpenseSchema),
      lodging: getSchemaPath(ReceiptExpenseSchema),
      meals: getSchemaPath(MealsExpenseSchema),
      other: getSchemaPath(OtherExpenseSchema),
    },
  },
};
