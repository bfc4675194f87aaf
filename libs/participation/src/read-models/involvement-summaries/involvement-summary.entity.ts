import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** InvolvementSummary: one row per involvement, for a project's list (newest first). */
@Entity({ name: 'participation_involvements' })
@Index(['projectId', 'occurredOn', 'involvementId'])
export class InvolvementSummary {
  @PrimaryColumn({ name: 'involvement_id', type: 'text' }) involvementId!: string;
  @Column({ name: 'project_id', type: 'text' }) projectId!: string;
  @Column({ name: 'participant_id', type: 'text' }) participantId!: string;
  @Column({ type: 'text' }) form!: string;
  @Column({ name: 'occurred_on', type: 'text' }) occurredOn!: string;
  @Column({ type: 'text' }) attendance!: string;
  @Column({
    name: 'meeting_hours',
    type: 'numeric',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  meetingHours!: number;
  @Column({ type: 'text' }) status!: 'logged' | 'voided';
  @Column({ name: 'counts_as_participation', type: 'boolean' }) countsAsParticipation!: boolean;
  @Column({ type: 'boolean' }) payable!: boolean;
  @Column({ name: 'evidence_kinds', type: 'text', array: true }) evidenceKinds!: string[];
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'logged_by', type: 'text' }) loggedBy!: string;
  @Column({ name: 'logged_at', type: 'timestamptz' }) loggedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
