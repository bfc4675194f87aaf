import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response schemas of the audit endpoints (docs/api.md, "Notary formats").

const INSTANT = { type: 'string', format: 'date-time', example: '2025-05-20T12:00:00.000Z' } as const;
const BASE64 = { type: 'string', format: 'byte' } as const;
const SIZE = { type: 'integer', minimum: 0 } as const;

export class AuditEventMetadataView {
  @ApiProperty() actor!: string;
  @ApiProperty(INSTANT) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
}

export class AuditEventView {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Global position in the log' }) position!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty() type!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'As stored: sealed personal data is ciphertext',
  })
  data!: object;
  @ApiProperty({ type: AuditEventMetadataView }) metadata!: AuditEventMetadataView;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the RFC 8785 form, hex' }) hash!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Auditors only: each sealed field opened (every such read is in the access log)',
  })
  personalData?: object;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The `after` of the next page; null on the last',
  })
  next!: string | null;
}

export class CheckpointView {
  @ApiProperty({ example: 'brukermedvirkning.no/audit-log' }) origin!: string;
  @ApiProperty(SIZE) treeSize!: number;
  @ApiProperty(BASE64) rootHash!: string;
  @ApiProperty(INSTANT) signedAt!: string;
  @ApiProperty({ ...BASE64, description: 'Ed25519 over the C2SP tlog-checkpoint body' }) signature!: string;
  @ApiProperty({ ...BASE64, description: 'The raw 32-byte Ed25519 key' }) publicKey!: string;
}

export class NotaryPublicKeyView {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ ...BASE64, description: 'The raw 32-byte Ed25519 key, to publish out of band' })
  publicKey!: string;
}

export class InclusionProofView {
  @ApiProperty(SIZE) leafIndex!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) treeSize!: number;
  @ApiProperty({ type: 'array', items: BASE64 }) auditPath!: string[];
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) hash!: string;
}

export class ConsistencyProofView {
  @ApiProperty(SIZE) fromSize!: number;
  @ApiProperty(SIZE) toSize!: number;
  @ApiProperty({ type: 'array', items: BASE64 }) path!: string[];
}

export class VerificationFailureView {
  @ApiProperty({ type: 'integer', nullable: true }) position!: number | null;
  @ApiProperty({ type: String, nullable: true }) streamId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) version!: number | null;
  @ApiProperty() reason!: string;
}

export class VerifiedCheckpointView {
  @ApiProperty() origin!: string;
  @ApiProperty(SIZE) treeSize!: number;
  @ApiProperty(BASE64) rootHash!: string;
  @ApiProperty(INSTANT) signedAt!: string;
}

export class VerificationReportView {
  @ApiProperty() verified!: boolean;
  @ApiProperty({ ...SIZE, description: 'How many events were rehashed' }) events!: number;
  @ApiProperty({ type: VerifiedCheckpointView, nullable: true }) checkpoint!: VerifiedCheckpointView | null;
  @ApiProperty({ type: [VerificationFailureView] }) failures!: VerificationFailureView[];
}

export class AccessRecordView {
  @ApiProperty({ type: 'integer', minimum: 1 }) id!: number;
  @ApiProperty(INSTANT) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ example: 'read-personal-data' }) action!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: object;
}

export class AccessLogPage {
  @ApiProperty({ type: [AccessRecordView] }) items!: AccessRecordView[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}
