// Numbers, kroner and dates the Norwegian way (Intl, locale nb-NO).

const kroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const instant = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Oslo',
});

/** 235050 øre → "2 350,50 kr". */
export function formatKroner(ore: number): string {
  return `${kroner.format(ore / 100)}\u00a0kr`;
}

/** 1.5 → "1,5". */
export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** 0.25 → "25 %". */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : percent.format(value);
}

/** "2025-03-10" → "10. mars 2025". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '–';
  const parsed = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? isoDate : day.format(parsed);
}

/** An ISO instant in Oslo time: "10. mars 2025 kl. 14:05". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '–';
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : instant.format(parsed);
}

/** Today in Oslo as YYYY-MM-DD (the date inputs' default). */
export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}
