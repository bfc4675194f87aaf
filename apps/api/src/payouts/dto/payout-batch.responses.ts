import { ApiProperty } from '@nestjs/swagger';

// Response schemas of the payout-batch endpoints.

const DATE = { type: 'string', format: 'date', example: '2025-05-31' } as const;
const ORE = { type: 'integer', description: 'øre' } as const;
const LINE_STATUSES = ['draft', 'approved', 'paid', 'failed', 'cancelled'];

export class PayoutLineView {
  @ApiProperty() lineId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty() involvementId!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty(DATE) occurredOn!: string;
  @ApiProperty({ example: 'meeting' }) kind!: string;
  @ApiProperty({ ...ORE, description: 'øre; an adjustment line may be negative' }) amountOre!: number;
  @ApiProperty() taxable!: boolean;
  @ApiProperty() incomeType!: string;
  @ApiProperty({ type: String, nullable: true }) adjustsLineId!: string | null;
  @ApiProperty({ enum: LINE_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class PayoutBatchView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['draft', 'approved', 'settled', 'cancelled'] }) status!: string;
  @ApiProperty(DATE) periodEnd!: string;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) approvedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelledBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: [PayoutLineView], description: 'one page of the lines, in draft order' })
  lines!: PayoutLineView[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'lines in the whole batch' }) lineCount!: number;
  @ApiProperty({ ...ORE, description: 'øre, the whole batch' }) totalOre!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as `after` for the next page of lines; null on the last page',
  })
  next!: string | null;
}

export class BatchChangedView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['draft', 'approved', 'settled', 'cancelled'] }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
}

export class PayoutExportLineView {
  @ApiProperty() lineId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the person is forgotten' })
  payeeName!: string | null;
  @ApiProperty({ type: String, nullable: true }) nationalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) bankAccount!: string | null;
  @ApiProperty() personalDataErased!: boolean;
  @ApiProperty() incomeType!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() involvementId!: string;
  @ApiProperty(DATE) occurredOn!: string;
  @ApiProperty() taxable!: boolean;
  @ApiProperty(ORE) taxableOre!: number;
  @ApiProperty(ORE) taxFreeOre!: number;
  @ApiProperty(ORE) amountOre!: number;
  @ApiProperty({ type: String, nullable: true }) adjustsLineId!: string | null;
  @ApiProperty({ enum: LINE_STATUSES }) status!: string;
}

export class PayoutExportTotalsView {
  @ApiProperty({ type: 'integer', minimum: 0 }) lineCount!: number;
  @ApiProperty(ORE) taxableOre!: number;
  @ApiProperty(ORE) taxFreeOre!: number;
  @ApiProperty(ORE) totalOre!: number;
}

/** The JSON export (and the CSV's content): what finance imports to pay and report a batch. */
export class PayoutExportView {
  @ApiProperty() batchId!: string;
  @ApiProperty({ enum: ['approved', 'settled'] }) status!: string;
  @ApiProperty(DATE) periodEnd!: string;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) approvedBy!: string | null;
  @ApiProperty({ enum: ['NOK'] }) currency!: string;
  @ApiProperty({ enum: ['ore'] }) amountUnit!: string;
  @ApiProperty({ type: [PayoutExportLineView] }) lines!: PayoutExportLineView[];
  @ApiProperty({ type: PayoutExportTotalsView }) totals!: PayoutExportTotalsView;
}
