import { Field, Label, Select } from '@digdir/designsystemet-react';

/** A labelled native select of codes shown in words. */
export function CodeSelect({
  label,
  value,
  codes,
  word,
  onChange,
  name,
}: {
  label: string;
  value: string;
  codes: readonly string[];
  word: (code: string) => string;
  onChange: (value: string) => void;
  name?: string;
}) {
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={value} name={name} onChange={(e) => onChange(e.target.value)}>
        {codes.map((code) => (
          <Select.Option key={code} value={code}>
            {word(code)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** "2,5" or "2.5" → 2.5; empty → undefined; anything else → NaN (the API then names the field). */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  if (trimmed === '') return undefined;
  return Number(trimmed);
}

/** Kroner typed the Norwegian way ("450" or "450,50") → øre. */
export function kronerToOre(text: string): number | undefined {
  const value = parseDecimal(text);
  return value === undefined ? undefined : Math.round(value * 100);
}

/** A datetime-local value (Oslo time in the browser) → an ISO instant. */
export function localToInstant(value: string): string {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}
