import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One invalid input: where (a dotted path like `hours.meeting` or `expenses[0].km`) and what rule it broke. */
export class FieldErrorSchema {
  @ApiProperty({ example: 'hours.meeting' }) field!: string;
  @ApiProperty({ example: 'must be a number conforming to the specified constraints' }) message!: string;
}

/** RFC 9457 problem details: the body of every error this API answers. */
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'https://brukermedvirkning.no/problems/rule' }) type!: string;
  @ApiProperty({ example: 'Unprocessable entity' }) title!: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 422 }) status!: number;
  @ApiProperty({ example: 'An involvement may not lie in the future: occurredOn is 2025-06-03' })
  detail!: string;
  @ApiPropertyOptional({ description: 'The request path (and query) that failed' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: '400: each invalid field and its rule' })
  errors?: FieldErrorSchema[];
  @ApiPropertyOptional({ description: '422: the code of the rule of the domain that refused' })
  rule?: string;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: '422 nothing-payable: the involvements that cannot be priced',
  })
  unpriced?: object[];
}
