import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Conflict, NotFound, ValidationFailed } from '@app/shared-kernel';
import {
  EventSourcedRepository,
  type CommandMeta,
  type Loaded,
} from '../../application/event-sourced-repository';
import { PersonalDataAccess, registrantOf } from '../../application/personal-data-access';
import { streams } from '../../application/streams';
import { decideParticipant, participantDecider, refuse, type ParticipantState } from '../../domain';
import {
  isForgotten,
  parseParticipantPersonalData,
  PersonalDataVault,
  type ParticipantPersonalData,
  type ParticipantPersonalDataInput,
} from '../../personal-data';

type Result = { version: number };

/** `POST /v1/participants/{id}/employment`: the employers from a day on (docs/adr/0027). */
export class ChangeEmploymentCommand {
  constructor(
    readonly participantId: string,
    readonly body: { employedBy: string[]; from: string },
    readonly meta: CommandMeta,
  ) {}
}

/** `POST /v1/participants/{id}/bank-account`: the account the next payout batch pays to. */
export class ChangeBankAccountCommand {
  constructor(
    readonly participantId: string,
    readonly body: { bankAccount?: unknown },
    readonly meta: CommandMeta,
  ) {}
}

/** `POST /v1/participants/{id}/contact`: e-mail and address; a given null or blank clears one. */
export class ChangeContactCommand {
  constructor(
    readonly participantId: string,
    readonly body: { email?: unknown; address?: unknown },
    readonly meta: CommandMeta,
  ) {}
}

/** Loads the participant and checks that the caller may change them (docs/adr/0011: admins, or a lead who reads them). */
async function loadChangeable(
  repository: EventSourcedRepository,
  access: PersonalDataAccess,
  participantId: string,
  meta: CommandMeta,
): Promise<Loaded<ParticipantState>> {
  const loaded = await repository.load(streams.participant(participantId), participantDecider);
  if (loaded.state.status === 'unregistered') throw new NotFound('Participant', participantId);
  await access.assertMayChange(participantId, registrantOf(loaded), meta);
  return loaded;
}

@CommandHandler(ChangeEmploymentCommand)
export class ChangeEmploymentHandler implements ICommandHandler<ChangeEmploymentCommand, Result> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly access: PersonalDataAccess,
  ) {}

  async execute({ participantId, body, meta }: ChangeEmploymentCommand): Promise<Result> {
    await loadChangeable(this.repository, this.access, participantId, meta);
    const { version } = await this.repository.execute(
      streams.participant(participantId),
      participantDecider,
      (state) =>
        decideParticipant(
          { type: 'ChangeEmployment', data: { participantId, employedBy: body.employedBy, from: body.from } },
          state,
          undefined,
        ),
      meta,
    );
    return { version };
  }
}

/**
 * A change of personal data: opens the person's current data, applies the
 * change, validates the whole record as registration does, and seals it with
 * the person's key into the event (no plaintext in the log). The record is
 * read at the version the change is decided on, so no other change in between
 * is lost (If-Match is required, and a change between the read and the write is 409).
 */
abstract class PersonalDataChangeHandler {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly access: PersonalDataAccess,
    private readonly vault: PersonalDataVault,
  ) {}

  protected async change(
    participantId: string,
    meta: CommandMeta,
    type: 'ChangeBankAccount' | 'ChangeContact',
    changes: ParticipantPersonalDataInput,
  ): Promise<Result> {
    const loaded = await loadChangeable(this.repository, this.access, participantId, meta);
    const { state } = loaded;
    if (state.status !== 'registered') throw refuse('participant-forgotten', `participant ${participantId}`);
    const current = await this.vault.open<ParticipantPersonalData>(participantId, state.sealed);
    if (isForgotten(current)) throw refuse('participant-forgotten', `participant ${participantId}`);
    const sealed = await this.vault.seal(
      participantId,
      parseParticipantPersonalData({ ...current, ...changes }),
    );
    const { version } = await this.repository.execute(
      streams.participant(participantId),
      participantDecider,
      (now, at) => {
        if (at !== loaded.version)
          throw new Conflict(
            `Participant ${participantId} changed while this change was made; read it and retry`,
          );
        return decideParticipant({ type, data: { participantId, sealed } }, now, undefined);
      },
      meta,
    );
    return { version };
  }
}

@CommandHandler(ChangeBankAccountCommand)
export class ChangeBankAccountHandler
  extends PersonalDataChangeHandler
  implements ICommandHandler<ChangeBankAccountCommand, Result>
{
  constructor(repository: EventSourcedRepository, access: PersonalDataAccess, vault: PersonalDataVault) {
    super(repository, access, vault);
  }

  execute({ participantId, body, meta }: ChangeBankAccountCommand): Promise<Result> {
    const { bankAccount } = body;
    // Registration may leave the account out; a change must name one (payouts go to it).
    if (
      bankAccount === undefined ||
      bankAccount === null ||
      (typeof bankAccount === 'string' && !bankAccount.trim())
    )
      throw new ValidationFailed([{ field: 'bankAccount', message: 'is required' }]);
    return this.change(participantId, meta, 'ChangeBankAccount', { bankAccount });
  }
}

@CommandHandler(ChangeContactCommand)
export class ChangeContactHandler
  extends PersonalDataChangeHandler
  implements ICommandHandler<ChangeContactCommand, Result>
{
  constructor(repository: EventSourcedRepository, access: PersonalDataAccess, vault: PersonalDataVault) {
    super(repository, access, vault);
  }

  execute({ participantId, body, meta }: ChangeContactCommand): Promise<Result> {
    const changes: ParticipantPersonalDataInput = {};
    if (body.email !== undefined) changes.email = body.email;
    if (body.address !== undefined) changes.address = body.address;
    if (Object.keys(changes).length === 0)
      throw new ValidationFailed([
        { field: 'body', message: 'must give email or address (null clears one)' },
      ]);
    return this.change(participantId, meta, 'ChangeContact', changes);
  }
}
