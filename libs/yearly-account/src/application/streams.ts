/** Stream ids are `<category>-<aggregate id>` (docs/adr/0004). */
export const yearlyAccountStreams = {
  representation: (participantId: string) => `representation-${participantId}`,
  training: (id: string) => `training-${id}`,
  measure: (id: string) => `measure-${id}`,
  budget: (organizationId: string, year: number) => `budget-${year}-${organizationId}`,
  /** The participation context's own stream of a participant. */
  participant: (id: string) => `participant-${id}`,
};
