import { fieldLabel, problemText } from '../../apps/web/src/api/problem-text';
import {
  formatDate,
  formatInstant,
  formatKroner,
  formatNumber,
  formatShare,
} from '../../apps/web/src/format';
import { words } from '../../apps/web/src/words';

/** What a person reads in the web client: bokmål, nb-NO formats, and every problem+json in words. */
describe('the web client’s words', () => {
  it('formats kroner, numbers, shares and dates the Norwegian way', () => {
    expect(formatKroner(235050)).toBe('2\u00a0350,50\u00a0kr');
    expect(formatKroner(-4500)).toBe('−45,00\u00a0kr');
    expect(formatNumber(1.5)).toBe('1,5');
    expect(formatShare(0.25)).toBe('25\u00a0%');
    expect(formatDate('2025-03-10')).toBe('10. mars 2025');
    expect(formatInstant('2025-03-10T13:05:00Z')).toBe('10. mars 2025 kl. 14:05');
  });

  it('names codes in bokmål', () => {
    expect(words.form('user-council')).toBe('Brukerutvalg');
    expect(words.attendance('cancelled')).toBe('Avlyst av arrangør');
    expect(words.level('system')).toBe('Systemnivå');
    expect(words.batchStatus('settled')).toBe('Oppgjort');
  });

  it('tells a validation problem field by field, by the field’s label', () => {
    const text = problemText({
      status: 400,
      errors: [
        { field: 'hours.meeting', message: 'must be a number conforming to the specified constraints' },
        { field: 'occurredOn', message: 'must be a valid ISO 8601 date string' },
        { field: 'expenses[1].km', message: 'is required' },
      ],
    });
    expect(text.summary).toBe('Noe i skjemaet er ikke fylt ut riktig.');
    expect(text.fields.map((f) => `${f.label} ${f.text}`)).toEqual([
      'Møtetimer må være et tall',
      'Dato må være en gyldig dato',
      'Kilometer (rad 2) må fylles ut',
    ]);
    expect(fieldLabel('unknownField')).toBe('unknownField');
  });

  it('tells a refusal by its rule, four eyes by who may approve, and a lost connection as such', () => {
    expect(problemText({ status: 422, rule: 'council-and-panel-always-paid' }).summary).toMatch(
      /^Brukerutvalg og brukerpanel skal alltid honoreres/,
    );
    expect(problemText({ status: 422, rule: 'a-rule-of-tomorrow' }).summary).toBe(
      'Tjenesten avviste dette etter regelen «a-rule-of-tomorrow».',
    );
    expect(
      problemText({
        status: 403,
        detail: 'Payout batch b-1 must be approved by a finance user other than its creator',
      }).summary,
    ).toMatch(/^Du laget dette utbetalingsgrunnlaget selv\. En annen i økonomi må godkjenne det/);
    expect(problemText({ status: 412 }).summary).toMatch(/^Noen andre har endret dette/);
    expect(problemText({ status: 0 }).summary).toMatch(/^Fikk ikke kontakt med tjenesten/);
  });
});
