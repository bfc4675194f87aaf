import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParticipationRealityQueries } from '@app/reporting';
import { BreadthQueries } from '@app/yearly-account';
import { CurrentUser, Roles, type AuthUser } from '../http';
import { ApiProblems } from '../http/openapi/problem-responses';
import { ParticipationAssessmentView } from './reporting.responses';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/projects')
export class ParticipationAuditController {
  constructor(
    private readonly reality: ParticipationRealityQueries,
    private readonly breadth: BreadthQueries,
  ) {}

  /**
   * Indicators per involvement (invited in good time, attended, heard, told
   * back, influence) and the project's classification `real` or
   * `symbolic-risk` with its reasons, and the breadth indicator (docs/adr/0029)
   * of the people who took part. A project lead may read only their own.
   */
  @Get(':id/participation')
  @Roles('auditor', 'admin', 'project-lead')
  @ApiOperation({
    summary: 'Is participation in a project real?',
    description:
      'Indicators per involvement (invited in good time, attended, heard, told back, influence) and the classification `real` or `symbolic-risk` with its reasons; `breadth`: the perspectives (user, next of kin) and groups the people who took part cover, groups only when at least 5 consented. A lead may read only their own projects.',
  })
  @ApiParam({ name: 'id', description: 'The project id' })
  @ApiOkResponse({ type: ParticipationAssessmentView })
  @ApiProblems(400, 404)
  async participation(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    // The assessment first: it refuses another lead's project and answers 404 for an unknown one.
    const assessment = await this.reality.forProject(id, { actor: user.sub, roles: user.roles });
    return { ...assessment, breadth: await this.breadth.indicatorForProject(id) };
  }
}
