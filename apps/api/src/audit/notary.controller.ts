import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { LogVerifier, Notary } from '@app/audit';
import { ValidationFailed, type FieldError } from '@app/shared-kernel';
import { CurrentUser, Expensive, Roles, type AuthUser } from '../http';
import { AuditQueryLog } from './audit-query-log';
import { ApiCommand, ApiProblems } from '../http/openapi/problem-responses';
import {
  CheckpointView,
  ConsistencyProofView,
  InclusionProofView,
  NotaryPublicKeyView,
  VerificationReportView,
} from './audit.responses';

const TREE_SIZE = { type: 'integer', minimum: 0 } as const;

/** Signed checkpoints, inclusion and consistency proofs (docs/api.md, "Notary formats"), and verification. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class NotaryController {
  constructor(
    private readonly notary: Notary,
    private readonly verifier: LogVerifier,
    private readonly queryLog: AuditQueryLog,
  ) {}

  /** `{origin, treeSize, rootHash, signedAt, signature, publicKey}`: save it to verify later with `npm run audit:verify`. */
  @Get('checkpoints/latest')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'The latest signed checkpoint',
    description: 'Save it to verify later with `npm run audit:verify`; 404 until the first is signed.',
  })
  @ApiOkResponse({ type: CheckpointView })
  @ApiProblems(404)
  async latest(@CurrentUser() user: AuthUser) {
    await this.queryLog.record(user, 'checkpoints/latest');
    return this.notary.requireLatestCheckpoint();
  }

  /**
   * The notary's public key (base64 of the raw 32-byte Ed25519 key), to pass
   * as `npm run audit:verify -- --public-key`. An auditor should not trust the
   * key that comes with a checkpoint: the trust publishes this key out of band
   * (annual report, letter, web page) and the auditor compares the two.
   */
  @Get('public-key')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: "The notary's public key",
    description:
      'The key checkpoints are signed with, for `npm run audit:verify -- --public-key`. Publish it out of band; an auditor compares it with the key a checkpoint carries.',
  })
  @ApiOkResponse({ type: NotaryPublicKeyView })
  async publicKey(@CurrentUser() user: AuthUser) {
    await this.queryLog.record(user, 'public-key');
    return { algorithm: 'Ed25519', publicKey: this.notary.publicKey };
  }

  @Get('events/:position/proof')
  @Roles('auditor', 'admin')
  @ApiQuery({
    name: 'treeSize',
    required: false,
    schema: { ...TREE_SIZE, minimum: 1 },
    description: 'default: the latest checkpoint',
  })
  @ApiOperation({
    summary: 'Inclusion proof of one event',
    description: 'RFC 9162 §2.1.3 against a signed tree size; 404 while no checkpoint covers the event.',
  })
  @ApiParam({
    name: 'position',
    schema: { type: 'integer', minimum: 1 },
    description: 'The event’s global position',
  })
  @ApiOkResponse({ type: InclusionProofView })
  @ApiProblems(400, 404)
  async proof(
    @Param('position') position: string,
    @Query('treeSize') treeSize: string | undefined,
    @CurrentUser() user: AuthUser,
  ) {
    const errors: FieldError[] = [];
    const at = count(position, 'position', errors, 1);
    const size =
      treeSize === undefined || treeSize === '' ? undefined : count(treeSize, 'treeSize', errors, 1);
    if (errors.length > 0) throw new ValidationFailed(errors);
    await this.queryLog.record(user, `proof:${at}`, { treeSize: size });
    return this.notary.inclusionProof(at, size);
  }

  @Get('consistency')
  @Roles('auditor', 'admin')
  @ApiQuery({ name: 'from', required: true, schema: TREE_SIZE, description: 'the older tree size' })
  @ApiQuery({
    name: 'to',
    required: true,
    schema: TREE_SIZE,
    description: 'the newer tree size (at most the latest checkpoint)',
  })
  @ApiOperation({ summary: 'Consistency proof between two tree sizes', description: 'RFC 9162 §2.1.4.' })
  @ApiOkResponse({ type: ConsistencyProofView })
  @ApiProblems(400, 404)
  async consistency(
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @CurrentUser() user: AuthUser,
  ) {
    const errors: FieldError[] = [];
    const fromSize = count(from, 'from', errors, 0);
    const toSize = count(to, 'to', errors, 0);
    if (errors.length > 0) throw new ValidationFailed(errors);
    await this.queryLog.record(user, 'consistency', { from: fromSize, to: toSize });
    return this.notary.consistencyProof(fromSize, toSize);
  }

  /** Rehashes every stored event and checks the tree against the latest checkpoint and its signature. */
  @Post('verify')
  @HttpCode(200)
  @Roles('auditor', 'admin')
  @Expensive('audit-verify')
  @ApiOperation({
    summary: 'Verify the whole log',
    description:
      'Rehashes every stored event and checks the tree against the latest checkpoint and its signature.',
  })
  @ApiOkResponse({ type: VerificationReportView })
  @ApiCommand()
  async verify(@CurrentUser() user: AuthUser) {
    await this.queryLog.record(user, 'verify');
    return this.verifier.verify(await this.notary.latestCheckpoint(), this.notary.publicKey);
  }
}

function count(value: string | undefined, field: string, errors: FieldError[], min: number): number {
  if (value === undefined || value === '') {
    errors.push({ field, message: 'is required' });
    return 0;
  }
  if (!/^\d{1,15}$/.test(value) || Number(value) < min) {
    errors.push({ field, message: `must be an integer of at least ${min}` });
    return 0;
  }
  return Number(value);
}
