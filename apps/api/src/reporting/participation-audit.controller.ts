import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParticipationRealityQueries } from '@app/reporting';
import { CurrentUser, Roles, type AuthUser } from '../http';
import { ApiProblems } from '../http/openapi/problem-responses';
import { ParticipationAssessmentView } from './reporting.responses';

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
  @ApiOperation({
    summary: 'Is participation in a project real?',
    description:
      'Indicators per involvement (invited in good time, attended, heard, told back, influence) and the classification `real` or `symbolic-risk` with its reasons. A lead may read only their own projects.',
  })
  @ApiParam({ name: 'id', description: 'The project id' })
  @ApiOkResponse({ type: ParticipationAssessmentView })
  @ApiProblems(400, 404)
  participation(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.reality.forProject(id, { actor: user.sub, roles: user.roles });
  }
}
