import { ConfigError } from '@app/platform';
import { loadRealityThresholds } from './reporting-config';

describe('reality thresholds from the environment', () => {
  it('defaults to docs/domain.md: 7 days notice, feedback within 30 days, two representatives', () => {
    expect(loadRealityThresholds({})).toEqual({
      invitationDays: 7,
      feedbackDays: 30,
      minRepresentatives: 2,
      minShare: 0.5,
    });
  });

  it('reads every setting', () => {
    expect(
      loadRealityThresholds({
        PARTICIPATION_INVITATION_DAYS: '14',
        PARTICIPATION_FEEDBACK_DAYS: ' 21 ',
        PARTICIPATION_MIN_REPRESENTATIVES: '3',
        PARTICIPATION_MIN_SHARE: '0.75',
      }),
    ).toEqual({ invitationDays: 14, feedbackDays: 21, minRepresentatives: 3, minShare: 0.75 });
  });

  it.each([
    ['PARTICIPATION_INVITATION_DAYS', 'seven'],
    ['PARTICIPATION_INVITATION_DAYS', '-1'],
    ['PARTICIPATION_FEEDBACK_DAYS', '2.5'],
    ['PARTICIPATION_MIN_REPRESENTATIVES', '1e3'],
    ['PARTICIPATION_MIN_SHARE', '0'],
    ['PARTICIPATION_MIN_SHARE', '1.5'],
  ])('refuses %s=%s and names it', (name, value) => {
    expect(() => loadRealityThresholds({ [name]: value })).toThrow(ConfigError);
    expect(() => loadRealityThresholds({ [name]: value })).toThrow(name);
  });
});
