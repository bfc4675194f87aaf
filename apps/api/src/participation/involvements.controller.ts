import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ParticipationQueries } from '@app/participation';
import { Roles } from '../http/auth/roles.decorator';
import { parseAsOf } from './as-of';

@ApiTags('involvements')
@ApiBearerAuth()
@Controller('v1/involvements')
export class InvolvementsController {
  constructor(private readonly queries: ParticipationQueries) {}

  @Get(':id')
  @Roles('admin', 'project-lead', 'finance', 'auditor')
  @ApiQuery({ name: 'asOf', required: false })
  async get(@Param('id') id: string, @Query('asOf') asOf: string | undefined, @Res({ passthrough: true }) res: Response) {
    const involvement = await this.queries.involvement(id, parseAsOf(asOf));
    res.setHeader('ETag', `"${involvement.version}"`);
    return involvement;
  }
}
