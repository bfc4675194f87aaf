import { ConfigError } from '@app/platform';
import { DEFAULT_REALITY_THRESHOLDS, type RealityThresholds } from '../domain';

type Env = Record<string, string | undefined>;

/** Nest token for the validated RealityThresholds. */
export const REALITY_THRESHOLDS = Symbol('RealityThresholds');

const SETTINGS: Array<{
  name: string;
  key: keyof RealityThresholds;
  valid: (n: number) => boolean;
  rule: string;
}> = [
  {
    name: 'PARTICIPATION_INVITATION_DAYS',
    key: 'invitationDays',
    valid: (n) => Number.isInteger(n) && n >= 0 && n <= 365,
    rule: 'a whole number of days from 0 to 365',
  },
  {
    name: 'PARTICIPATION_FEEDBACK_DAYS',
    key: 'feedbackDays',
    valid: (n) => Number.isInteger(n) && n >= 0 && n <= 365,
    rule: 'a whole number of days from 0 to 365',
  },
  {
    name: 'PARTICIPATION_MIN_REPRESENTATIVES',
    key: 'minRepresentatives',
    valid: (n) => Number.isInteger(n) && n >= 0 && n <= 100,
    rule: 'a whole number from 0 to 100',
  },
  {
    name: 'PARTICIPATION_MIN_SHARE',
    key: 'minShare',
    valid: (n) => n > 0 && n <= 1,
    rule: 'a number above 0 and at most 1',
  },
];

/**
 * The thresholds of real participation, from the environment, validated like
 * the platform's settings: a bad one stops the start and names it.
 */
export function loadRealityThresholds(env: Env = process.env): RealityThresholds {
  const problems: string[] = [];
  const thresholds: RealityThresholds = { ...DEFAULT_REALITY_THRESHOLDS };
  for (const setting of SETTINGS) {
    const text = env[setting.name]?.trim();
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !setting.valid(value))
      problems.push(`${setting.name} must be ${setting.rule}, got "${text}"`);
    else thresholds[setting.key] = value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return thresholds;
}
