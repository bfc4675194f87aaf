/** Stream ids are `<category>-<aggregate id>` (docs/adr/0004). */
export const streams = {
  project: (id: string) => `project-${id}`,
  participant: (id: string) => `participant-${id}`,
  appointment: (id: string) => `appointment-${id}`,
  involvement: (id: string) => `involvement-${id}`,
  meeting: (id: string) => `meeting-${id}`,
};
