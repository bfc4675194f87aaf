import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  EventSourcedRepository,
  FieldChecks,
  participantDecider,
  PersonalDataVault,
  refuse,
  type CommandMeta,
} from '@app/participation';
import { CLOCK, nameBasedUuid, NotFound, ValidationFailed, type Clock } from '@app/shared-kernel';
import { budgetDecider, parseBudget, parseSpending, type BudgetEvent } from '../domain/action-plan/budget';
import {
  changeMeasureStatus,
  measureDecider,
  parseMeasure,
  registerMeasure,
} from '../domain/action-plan/measure';
import { parseBreadthAttributes } from '../domain/representation/breadth-attributes';
import {
  giveConsent,
  nextConsentId,
  parsePerspectives,
  recordPerspective,
  representationDecider,
  withdrawConsent,
} from '../domain/representation/representation';
import { parseTraining, recordTraining, trainingDecider } from '../domain/training/training';
import type { ConsentGiver } from '../domain/vocabulary';
import { BreadthSeal } from './breadth-seal';
import { yearlyAccountStreams as streams } from './streams';

type Body = Record<string, unknown>;

/** A new aggregate's id: derived from the Idempotency-Key when there is one, so a retry addresses the same one. */
const newId = (kind: string, meta: CommandMeta) =>
  meta.idempotencyKey ? nameBasedUuid(`${kind}|${meta.actor}|${meta.idempotencyKey}`) : randomUUID();

const osloToday = (now: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);

/**
 * The commands of the yearly account: a participant's perspective and breadth
 * consent, courses, the action plan's measures, budgets and spending. Each
 * validates, decides with the pure deciders and appends through the
 * participation context's repository (If-Match, Idempotency-Key).
 */
@Injectable()
export class YearlyAccountCommands {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly breadthSeal: BreadthSeal,
    private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async recordPerspective(participantId: string, body: Body, meta: CommandMeta) {
    const perspectives = parsePerspectives(body.perspectives);
    await this.assertActiveParticipant(participantId);
    const sealed = await this.vault.seal(participantId, { perspectives });
    const { version } = await this.repository.execute(
      streams.representation(participantId),
      representationDecider,
      () => recordPerspective(participantId, sealed),
      meta,
    );
    return { version };
  }

  async giveConsent(participantId: string, body: Body, givenBy: ConsentGiver, meta: CommandMeta) {
    const checks = new FieldChecks().optionalText('writtenConsentRef', body.writtenConsentRef, 200);
    checks.oneLine('writtenConsentRef', body.writtenConsentRef).throwIfAny();
    const attributes = parseBreadthAttributes(body.attributes);
    await this.assertActiveParticipant(participantId);
    const stream = streams.representation(participantId);
    const { state } = await this.repository.load(stream, representationDecider);
    const consentId = nextConsentId(participantId, state);
    const sealed = await this.breadthSeal.seal(participantId, consentId, attributes);
    const ref = typeof body.writtenConsentRef === 'string' ? body.writtenConsentRef.trim() : null;
    const writtenConsentRef = ref ? await this.vault.seal(participantId, { text: ref }) : null;
    const result = await this.repository.execute(
      stream,
      representationDecider,
      (current) =>
        giveConsent(current, { participantId, consentId, givenBy, attributes: sealed, writtenConsentRef }),
      meta,
    );
    await this.eraseWithdrawn(participantId);
    return { version: result.version, consentId };
  }

  async withdrawConsent(participantId: string, withdrawnBy: ConsentGiver, meta: CommandMeta) {
    await this.assertRegistered(participantId);
    const { version } = await this.repository.execute(
      streams.representation(participantId),
      representationDecider,
      (state) => withdrawConsent(state, participantId, withdrawnBy),
      meta,
    );
    await this.eraseWithdrawn(participantId);
    return { version };
  }

  async recordTraining(body: Body, meta: CommandMeta) {
    const input = parseTraining(body, osloToday(this.clock.now()));
    await this.assertParticipantsRegistered(input.participantIds);
    const id = newId('training', meta);
    await this.repository.start(
      streams.training(id),
      trainingDecider,
      (state) => recordTraining(state, id, input),
      meta,
    );
    return { id };
  }

  async registerMeasure(body: Body, meta: CommandMeta) {
    const input = parseMeasure(body);
    const id = newId('measure', meta);
    const { version } = await this.repository.start(
      streams.measure(id),
      measureDecider,
      (state) => registerMeasure(state, id, input),
      meta,
    );
    return { id, version };
  }

  async changeMeasureStatus(measureId: string, body: Body, meta: CommandMeta) {
    const { version } = await this.repository.execute(
      streams.measure(measureId),
      measureDecider,
      (state) => changeMeasureStatus(state, measureId, body.status),
      meta,
    );
    return { version };
  }

  async setBudget(body: Body, meta: CommandMeta) {
    const { organizationId, year, linesOre } = parseBudget(body);
    const { version } = await this.repository.execute(
      streams.budget(organizationId, year),
      budgetDecider,
      (): BudgetEvent[] => [{ type: 'BudgetSet', data: { organizationId, year, linesOre } }],
      meta,
    );
    return { version };
  }

  async recordSpending(body: Body, meta: CommandMeta) {
    const spending = parseSpending(body);
    const { version } = await this.repository.execute(
      streams.budget(spending.organizationId, spending.year),
      budgetDecider,
      (): BudgetEvent[] => [{ type: 'SpendingRecorded', data: spending }],
      meta,
    );
    return { version };
  }

  /** Every consent but the one in force loses its key; repeating it is harmless, so a crash in between heals. */
  private async eraseWithdrawn(participantId: string): Promise<void> {
    const { state } = await this.repository.load(
      streams.representation(participantId),
      representationDecider,
    );
    for (let n = 1; n <= state.consentsGiven; n += 1) {
      const consentId = `${participantId}.${n}`;
      if (state.consent?.consentId !== consentId) await this.breadthSeal.erase(consentId);
    }
  }

  private async assertRegistered(participantId: string) {
    const { state } = await this.repository.load(streams.participant(participantId), participantDecider);
    if (state.status === 'unregistered') throw new NotFound('Participant', participantId);
    return state;
  }

  private async assertActiveParticipant(participantId: string) {
    const state = await this.assertRegistered(participantId);
    if (state.status === 'forgotten')
      throw refuse(
        'participant-forgotten',
        `participant ${participantId} is forgotten; nothing new is recorded about them`,
      );
  }

  private async assertParticipantsRegistered(participantIds: readonly string[]) {
    if (participantIds.length === 0) return;
    const loaded = await this.repository.loadStreams(participantIds.map(streams.participant));
    const errors = participantIds.flatMap((id, i) =>
      loaded.get(streams.participant(id), participantDecider).state.status === 'unregistered'
        ? [{ field: `participantIds[${i}]`, message: `${id} is not a registered participant` }]
        : [],
    );
    if (errors.length > 0) throw new ValidationFailed(errors);
  }
}
