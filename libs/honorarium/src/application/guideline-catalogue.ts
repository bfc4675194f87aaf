import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Conflict, nameBasedUuid, refuseNationalIdsInFreeText, ValidationFailed } from '@app/shared-kernel';
import type { Guideline } from '../domain/guideline/guideline.types';
import { validateGuideline } from '../domain/guideline/guideline.validator';
import { SHIPPED_GUIDELINES, shippedVersionsOf } from '../guidelines/shipped-guidelines';

/** Event: an admin published a guideline version. The full, validated data travels in the event. */
export const GUIDELINE_VERSION_PUBLISHED = 'GuidelineVersionPublished';

export interface PublishedVersion {
  guideline: Guideline;
  /** null for versions shipped with the product. */
  publishedAt: string | null;
  publishedBy: string | null;
  /** The global log position of the publication; null for versions shipped with the product. */
  position: number | null;
}

const stream = (region: string) => `guideline-${region}`;

/**
 * Shipped versions plus versions admins published (one stream per region).
 * `publishedBefore` (a global log position) lets a calculation see only the
 * versions that existed when the involvement was last changed, so publishing
 * later never changes a past calculation, even for a version dated back.
 */
@Injectable()
export class GuidelineCatalogue {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async versionsOf(region: string, publishedBefore?: number): Promise<PublishedVersion[]> {
    const shipped = shippedVersionsOf(region).map((guideline) => ({
      guideline,
      publishedAt: null,
      publishedBy: null,
      position: null,
    }));
    const events = await this.store.readStream(stream(region));
    const published = events
      .filter(
        (e) =>
          e.type === GUIDELINE_VERSION_PUBLISHED &&
          (publishedBefore === undefined || e.position < publishedBefore),
      )
      .map((e) => ({
        guideline: e.data.guideline as Guideline,
        publishedAt: e.metadata.recordedAt,
        publishedBy: e.metadata.actor,
        position: e.position,
      }));
    return [...shipped, ...published].sort((a, b) =>
      a.guideline.effectiveFrom < b.guideline.effectiveFrom ? -1 : 1,
    );
  }

  async regions(): Promise<string[]> {
    const rows = await this.store.readStream('guideline-regions');
    return [
      ...new Set([...SHIPPED_GUIDELINES.map((g) => g.region), ...rows.map((e) => String(e.data.region))]),
    ].sort();
  }

  async publish(
    region: string,
    input: unknown,
    meta: { actor: string; correlationId: string; idempotencyKey?: string },
  ): Promise<Guideline> {
    const guideline = validateGuideline(input);
    if (guideline.region !== region)
      throw new ValidationFailed([
        { field: 'region', message: `must be "${region}", the region in the path` },
      ]);
    // The published guideline travels whole in the event: none of its text may identify a person.
    refuseNationalIdsInFreeText({ issuer: guideline.issuer, note: guideline.note, rules: guideline.rules });
    const existing = await this.versionsOf(region);
    if (existing.some((v) => v.guideline.version === guideline.version))
      throw new Conflict(
        `Guideline ${region} already has a version ${guideline.version}; publish a new version instead`,
      );
    const events = await this.store.readStream(stream(region));
    const id = (n: string) =>
      meta.idempotencyKey ? nameBasedUuid(`${meta.actor}|${meta.idempotencyKey}|${n}`) : randomUUID();
    await this.store.append(
      stream(region),
      [
        {
          eventId: id('version'),
          type: GUIDELINE_VERSION_PUBLISHED,
          data: { region, version: guideline.version, guideline },
        },
      ],
      events.at(-1)?.version ?? 'no-stream',
      { actor: meta.actor, correlationId: meta.correlationId },
    );
    if (!shippedVersionsOf(region).length && events.length === 0)
      await this.store.append(
        'guideline-regions',
        [{ eventId: id('region'), type: 'GuidelineRegionAdded', data: { region } }],
        'any',
        {
          actor: meta.actor,
          correlationId: meta.correlationId,
        },
      );
    return guideline;
  }
}
