import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ParticipationModule } from '@app/participation';
import { AccessLogController } from './access-log.controller';
import { AuditHistoryController } from './audit-history.controller';
import { AuditQueryLog } from './audit-query-log';
import { NotaryController } from './notary.controller';
import { PersonalDataReveal } from './personal-data-reveal';

@Module({
  imports: [AuditModule, ParticipationModule],
  controllers: [AuditHistoryController, NotaryController, AccessLogController],
  providers: [AuditQueryLog, PersonalDataReveal],
})
export class AuditHttpModule {}
