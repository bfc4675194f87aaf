import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Response } from 'express';
import { PreconditionFailed, RuleViolation } from '@app/shared-kernel';
import {
  CurrentUser,
  IdempotencyKey,
  idempotentEventId,
  IfMatch,
  Public,
  Roles,
  setETag,
  type AuthUser,
} from '../../../apps/api/src/http';

/** Test-only controllers: registered through startTestApp({ extraControllers }), behind the real guard, pipe and interceptor. */

@Controller('test/auth')
export class AuthProbeController {
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return user;
  }

  @Get('finance')
  @Roles('finance')
  finance() {
    return { ok: 'finance' };
  }

  @Get('leads-or-admins')
  @Roles('admin', 'project-lead')
  leadsOrAdmins() {
    return { ok: 'leads-or-admins' };
  }

  @Public()
  @Get('open')
  open() {
    return { open: true };
  }
}

@Roles('admin')
@Controller('test/admin')
export class AdminProbeController {
  @Get()
  admin() {
    return { ok: 'admin' };
  }

  /** A handler's @Roles overrides its controller's. */
  @Get('auditors')
  @Roles('auditor')
  auditors() {
    return { ok: 'auditors' };
  }
}

@Public()
@Controller('test/public')
export class PublicProbeController {
  @Get()
  hello() {
    return { hello: 'verden' };
  }

  @Post()
  @HttpCode(200)
  post(@IdempotencyKey() key: string | undefined) {
    return { key: key ?? null };
  }
}

export class HoursDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }) meeting!: number;
  @IsOptional() @IsNumber() travel?: number;
}

export class ExpenseDto {
  @IsIn(['mileage', 'ticket']) kind!: string;
  @IsOptional() @IsInt() @Min(0) km?: number;
}

export class EchoDto {
  @IsString() @MaxLength(2_000_000) text!: string;
  @IsOptional() @ValidateNested() @Type(() => HoursDto) hours?: HoursDto;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ExpenseDto) expenses?: ExpenseDto[];
}

@Controller('test/validation')
export class ValidationProbeController {
  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: EchoDto) {
    return { ...body, isDto: body instanceof EchoDto };
  }

  @Get('echo/:text')
  echoParam(@Param('text') text: string) {
    return { text };
  }
}

export class CommandDto {
  @IsString() @MaxLength(1000) text!: string;
  @IsOptional() @IsInt() @Min(0) @Max(5000) delayMs?: number;
  @IsOptional() @IsBoolean() fail?: boolean;
}

/** How often the command handler ran, per test file (each file has its own module registry). */
export const commandRuns = { count: 0 };

@Controller('test/commands')
export class CommandProbeController {
  @Post()
  @Roles('admin', 'project-lead')
  async run(
    @Body() body: CommandDto,
    @IdempotencyKey() key: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    commandRuns.count += 1;
    if (body.delayMs) await sleep(body.delayMs);
    if (body.fail) throw new RuleViolation('probe-refused', 'The probe was asked to fail');
    const id = randomUUID();
    res.setHeader('Location', `/test/commands/${id}`);
    setETag(res, 1);
    return {
      id,
      text: body.text,
      key: key ?? null,
      eventId: key ? idempotentEventId(user.sub, key, 'ProbeRan#0') : null,
    };
  }
}

@Controller('test/versioned')
export class VersionedProbeController {
  private version = 3;

  @Get()
  get(@Res({ passthrough: true }) res: Response) {
    setETag(res, this.version);
    return { version: this.version };
  }

  @Post('change')
  @HttpCode(200)
  change(@IfMatch() expected: number | undefined, @Res({ passthrough: true }) res: Response) {
    if (expected !== undefined && expected !== this.version)
      throw new PreconditionFailed(expected, this.version);
    this.version += 1;
    setETag(res, this.version);
    return { version: this.version, expected: expected ?? null };
  }
}
