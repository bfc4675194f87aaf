import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParticipationRealityQueries } from '@app/reporting';
import { CurrentUser, Roles, type AuthUser } from '../http';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/projects')
export class ParticipationAuditController {
  constructor(private readonly reality: ParticipationRealityQueries) {}

  /**
   * Indicators per involvement (invited in good time, attended, heard, told
   * back, influence) and the project's classification `real` or
   * `symbolic-risk` with its reasons. A project lead may read only their own.
   */
  @Get(':id/participation')
  @Roles('auditor', 'admin', 'project-lead')
  @ApiOkResponse({ description: '{ classification, reasons, explanations, involvements:[{ indicators }] }' })
  participation(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.reality.forProject(id, { actor: user.sub, roles: user.roles });
  }
}
