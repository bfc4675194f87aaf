import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ChangeInvolvementCommand, ParticipationQueries } from '@app/participation';
import { CurrentUser, IfMatch, Roles, setETag, type AuthUser } from '../http';
import { parseAsOf } from './as-of';
import { commandMeta } from './command-meta';
import { AddEvidenceDto, CorrectInvolvementDto, VoidInvolvementDto } from './dto/change-involvement.dto';

@ApiTags('involvements')
@ApiBearerAuth()
@Controller('v1/involvements')
export class InvolvementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ParticipationQueries,
  ) {}

  @Get(':id')
  @Roles('admin', 'project-lead', 'finance', 'auditor')
  @ApiQuery({ name: 'asOf', required: false })
  async get(
    @Param('id') id: string,
    @Query('asOf') asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const involvement = await this.queries.involvement(id, parseAsOf(asOf));
    setETag(res, involvement.version);
    return involvement;
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiHeader({ name: 'If-Match', required: false })
  correct(
    @Param('id') id: string,
    @Body() body: CorrectInvolvementDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new ChangeInvolvementCommand(id, { kind: 'correct', ...body }, commandMeta(req, user, ifMatch)),
    );
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiHeader({ name: 'If-Match', required: false })
  void(
    @Param('id') id: string,
    @Body() body: VoidInvolvementDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new ChangeInvolvementCommand(
        id,
        { kind: 'void', reason: body.reason },
        commandMeta(req, user, ifMatch),
      ),
    );
  }

  @Post(':id/evidence')
  @Roles('admin', 'project-lead')
  addEvidence(
    @Param('id') id: string,
    @Body() body: AddEvidenceDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new ChangeInvolvementCommand(id, { kind: 'evidence', evidence: body }, commandMeta(req, user)),
    );
  }
}
