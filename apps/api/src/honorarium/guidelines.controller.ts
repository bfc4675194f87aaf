import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { GuidelineCatalogue } from '@app/honorarium';
import { CurrentUser, Roles, type AuthUser } from '../http';
import { commandMeta } from '../participation/command-meta';

@ApiTags('guidelines')
@ApiBearerAuth()
@Controller('v1/guidelines')
export class GuidelinesController {
  constructor(private readonly catalogue: GuidelineCatalogue) {}

  /** Regions with their versions: effective-from, label, issuer, and who published it (null when shipped). */
  @Get()
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
  @ApiBody({
    schema: {
      type: 'object',
      description:
        'A guideline: region, issuer, version (= effectiveFrom), effectiveFrom, label, rules[] with a source per rule',
    },
  })
  @ApiCreatedResponse({ description: 'The version as stored' })
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
