import { FieldChecks } from '@app/participation';
import { AGE_BANDS, type AgeBand } from '../vocabulary';

/**
 * Self-declared attributes of representation breadth (mangfold): special
 * categories of personal data, given only with consent. They never enter an
 * event in plaintext: the application seals them before the command exists.
 */
export interface BreadthAttributes {
  ageBand?: AgeBand;
  /** Sami (samisk) background. */
  sami?: boolean;
  /** Immigrant or national minority background (innvandrer- eller minoritetsbakgrunn). */
  minorityBackground?: boolean;
  /** Diagnosis or service area they speak from, e.g. "psykisk helse". */
  serviceArea?: string;
  /** The user organisation they come from, e.g. "FFO". */
  userOrganization?: string;
}

const TEXT_MAX = 100;

/** Checks the attributes as a client sends them (400 naming each field); at least one must be given. */
export function parseBreadthAttributes(input: unknown): BreadthAttributes {
  const checks = new FieldChecks();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    checks.fail('attributes', 'must be an object').throwIfAny();
  }
  const raw = input as Record<string, unknown>;
  const known = ['ageBand', 'sami', 'minorityBackground', 'serviceArea', 'userOrganization'];
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      checks.fail(`attributes.${key}`, `is not a breadth attribute (${known.join(', ')})`);
  if (raw.ageBand !== undefined) checks.oneOf('attributes.ageBand', AGE_BANDS, raw.ageBand);
  if (raw.sami !== undefined) checks.boolean('attributes.sami', raw.sami);
  if (raw.minorityBackground !== undefined)
    checks.boolean('attributes.minorityBackground', raw.minorityBackground);
  for (const key of ['serviceArea', 'userOrganization'] as const)
    if (raw[key] !== undefined)
      checks.text(`attributes.${key}`, raw[key], TEXT_MAX).oneLine(`attributes.${key}`, raw[key]);
  const given = known.filter((k) => raw[k] !== undefined);
  if (given.length === 0) checks.fail('attributes', 'must give at least one attribute');
  checks.throwIfAny();
  const attributes: BreadthAttributes = {};
  if (raw.ageBand !== undefined) attributes.ageBand = raw.ageBand as AgeBand;
  if (raw.sami !== undefined) attributes.sami = raw.sami as boolean;
  if (raw.minorityBackground !== undefined) attributes.minorityBackground = raw.minorityBackground as boolean;
  // Grouped by exact text in reports, so spacing and case never split a group.
  if (raw.serviceArea !== undefined) attributes.serviceArea = normalise(raw.serviceArea as string);
  if (raw.userOrganization !== undefined)
    attributes.userOrganization = normalise(raw.userOrganization as string);
  return attributes;
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb-NO');
