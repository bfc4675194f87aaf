import type { Provider } from '@nestjs/common';
import { parseMasterKey } from '@app/participation';
import { APP_CONFIG, devSecret, type AppConfig } from '@app/platform';
import { RequestHasher } from './request-hash';

/**
 * The request hasher keyed from the same master key the personal-data vault
 * uses (participation.module.ts): PII_MASTER_KEY, or in embedded mode the one
 * generated into DATA_DIR. No new secret to manage; HKDF keeps the uses apart.
 */
export const requestHasherProvider: Provider = {
  provide: RequestHasher,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    new RequestHasher(parseMasterKey(config.piiMasterKey ?? devSecret(config.dataDir, 'pii-master'))),
};
