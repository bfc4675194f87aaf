import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HELSE_BERGEN_NEURO_SYSMED_2026_12_01 as SHIPPED, RULE_KINDS } from '@app/honorarium';

// The guideline as published and read (docs/guidelines.md); rules are validated in full by the domain.

const DATE = { type: 'string', format: 'date', example: '2026-01-01' } as const;

export class GuidelineRuleSchema {
  @ApiProperty({
    enum: RULE_KINDS,
    description:
      'Pay rules (meeting-hourly, meeting-tiered, meeting-flat) name the forms they pay in `forms` (required when ' +
      'publishing; a form no rule names is not paid) and may give them their own a-melding treatment in `income` ' +
      '({taxable, incomeType, source}); interviews, conversations and dialogues are never a verv fee. ' +
      'not-attended-expenses {attendance: absent | cancelled, expenses: [kinds]} says which expenses an absence or ' +
      'a cancellation covers (a cancellation always covers documented outlays already incurred). Versions stored ' +
      'before forms were named pay every form.',
  })
  kind!: string;
  @ApiProperty({ description: 'Where the rule comes from (a URL or document reference)', maxLength: 2000 })
  source!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) note?: string;
}

/** The next version of the latest shipped guideline (it is adjusted every other year): publishable as given. */
export const GUIDELINE_EXAMPLE = {
  ...SHIPPED,
  version: '2027-05-06',
  effectiveFrom: '2027-05-06',
  rules: SHIPPED.rules.map((rule) =>
    rule.kind === 'meeting-hourly' ? { ...rule, rate: { defaultOre: 37000 } } : rule,
  ),
};

/** One version of a region's honorarium guideline. */
export class GuidelineSchema {
  @ApiProperty({ example: 'helse-bergen-neuro-sysmed', maxLength: 100 }) region!: string;
  @ApiProperty({ example: 'Helse Bergen HF, Neuro-SysMed', maxLength: 300 }) issuer!: string;
  @ApiProperty({ ...DATE, description: 'The version is its effective-from date' }) version!: string;
  @ApiProperty(DATE) effectiveFrom!: string;
  @ApiProperty({ enum: ['sourced', 'illustrative'] }) label!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) note?: string;
  @ApiProperty({
    type: [GuidelineRuleSchema],
    description: 'Each rule with its kind-specific fields (rate, rounding, caps…) and its source',
  })
  rules!: GuidelineRuleSchema[];
}

export class PublishedGuidelineView extends GuidelineSchema {
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'null when shipped' })
  publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedBy!: string | null;
}

export class GuidelineVersionSummary {
  @ApiProperty(DATE) version!: string;
  @ApiProperty(DATE) effectiveFrom!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty({ enum: ['sourced', 'illustrative'] }) label!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedBy!: string | null;
}

export class RegionView {
  @ApiProperty({ example: 'helse-bergen-neuro-sysmed' }) region!: string;
  @ApiProperty({ type: [GuidelineVersionSummary] }) versions!: GuidelineVersionSummary[];
}

export class RegionList {
  @ApiProperty({ type: [RegionView] }) items!: RegionView[];
}

export class GuidelineVersionList {
  @ApiProperty({ type: [PublishedGuidelineView] }) items!: PublishedGuidelineView[];
}
