import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { GuidelineCatalogue } from '@app/honorarium';
import { CurrentUser, Roles, type AuthUser } from '../http';
import { commandMeta } from '../participation/command-meta';
import { ApiCommand, ApiProblems } from '../http/openapi/problem-responses';
import { GUIDELINE_EXAMPLE, GuidelineSchema, GuidelineVersionList, RegionList } from './guideline.schemas';

const REGION = ApiParam({ name: 'region', description: 'Region code, e.g. helse-bergen-neuro-sysmed' });

@ApiTags('guidelines')
@ApiBearerAuth()
@Controller('v1/guidelines')
export class GuidelinesController {
  constructor(private readonly catalogue: GuidelineCatalogue) {}

  /** Regions with their versions: effective-from, label, issuer, and who published it (null when shipped). */
  @Get()
  @ApiOperation({
    summary: 'List the regions and their guideline versions',
    description:
      'Each version with its effective-from date, label, issuer, and who published it (null when shipped).',
  })
  @ApiOkResponse({ type: RegionList })
  async list() {
    const regions = await this.catalogue.regions();
    return {
      items: await Promise.all(
        regions.map(async (region) => ({
          region,
          versions: (await this.catalogue.versionsOf(region)).map((v) => ({
            version: v.guideline.version,
            effectiveFrom: v.guideline.effectiveFrom,
            issuer: v.guideline.issuer,
            label: v.guideline.label,
            publishedAt: v.publishedAt,
            publishedBy: v.publishedBy,
          })),
        })),
      ),
    };
  }

  @Get(':region/versions')
  @ApiOperation({
    summary: 'Read every version of a region’s guideline',
    description: 'In full, oldest first; an unknown region has none.',
  })
  @REGION
  @ApiOkResponse({ type: GuidelineVersionList })
  @ApiProblems(400)
  async versions(@Param('region') region: string) {
    return {
      items: (await this.catalogue.versionsOf(region)).map((v) => ({
        ...v.guideline,
        publishedAt: v.publishedAt,
        publishedBy: v.publishedBy,
      })),
    };
  }

  /** A new version takes effect on `effectiveFrom`; the whole guideline is validated (400 with the reasons). */
  @Post(':region/versions')
  @Roles('admin')
  @ApiOperation({
    summary: 'Publish a guideline version',
    description:
      'Takes effect on `effectiveFrom`; the whole guideline is validated (400 with the reasons); 409 when the version exists.',
  })
  @REGION
  @ApiBody({ type: GuidelineSchema, examples: { 'next version': { value: GUIDELINE_EXAMPLE } } })
  @ApiCreatedResponse({ type: GuidelineSchema, description: 'The version as stored' })
  @ApiCommand()
  async publish(
    @Param('region') region: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const meta = commandMeta(req, user);
    return this.catalogue.publish(region, body, meta);
  }
}
