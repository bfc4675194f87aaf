import { assertNever } from '../common';
import { addEvidence } from './add-evidence.decide';
import { correctInvolvement } from './correct-involvement.decide';
import {
  AddEvidenceContext,
  CorrectInvolvementContext,
  InvolvementCommand,
  InvolvementContextOf,
  LogInvolvementContext,
  WaiveHonorariumContext,
} from './involvement.commands';
import { InvolvementEvent } from './involvement.events';
import { InvolvementState } from './involvement.state';
import { logInvolvement } from './log-involvement.decide';
import { voidInvolvement } from './void-involvement.decide';
import { acknowledgeFeedback, respondToInvolvement, waiveHonorarium } from './participant-voice.decide';

/** The context argument's type follows the command: see InvolvementContextOf. */
export function decideInvolvement<C extends InvolvementCommand>(
  command: C,
  state: InvolvementState,
  context: InvolvementContextOf[C['type']],
): InvolvementEvent[] {
  const cmd: InvolvementCommand = command;
  switch (cmd.type) {
    case 'LogInvolvement':
      return logInvolvement(cmd, state, context as LogInvolvementContext);
    case 'CorrectInvolvement':
      return correctInvolvement(cmd, state, context as CorrectInvolvementContext);
    case 'VoidInvolvement':
      return voidInvolvement(cmd, state);
    case 'AddEvidence':
      return addEvidence(cmd, state, context as AddEvidenceContext);
    case 'RespondToInvolvement':
      return respondToInvolvement(cmd, state);
    case 'WaiveHonorarium':
      return waiveHonorarium(cmd, state, context as WaiveHonorariumContext);
    case 'AcknowledgeFeedback':
      return acknowledgeFeedback(cmd, state);
    default:
      return assertNever(cmd);
  }
}
