/**
 * Public sources of the shipped figures (retrieved 2026). Each figure in this
 * folder points at one of these; a figure no source gave is absent, never
 * guessed. Where only a secondary page or the issuer's site could be linked,
 * the figure's `note` says so, so the owner knows which address to replace.
 */

/** Helse Bergen HF, Neuro-SysMed: honorarium to user representatives, valid from 2025-05-06. */
export const HELSE_BERGEN_NEURO_SYSMED_PAGE =
  'https://www.helse-bergen.no/neuro-sysmed2/Brukarmedverknad/honorar-til-brukarmedverkarar';

/** Statens personalhåndbok 10.14.2, PM-2015-9: state committee rates from 2016-01-01. */
export const STATE_COMMITTEE_RATES_PM_2015_9 = 'https://lovdata.no/dokument/SPH/pm-2015-09';

/** PM-2025-12: særavtale om dekning av utgifter til reise og kost innenlands, rates from 2026-01-01. */
export const STATE_TRAVEL_AGREEMENT_PM_2025_12 =
  'https://www.regjeringen.no/no/tema/arbeidsliv/Statlig-arbeidsgiverpolitikk/statens-personalhandbok/sph-meldinger/2025/pm-2025-12-saravtale-om-dekning-av-utgifter-til-reise-og-kost-innenlands/id3143994/';

/** DFØ, which publishes the state travel rates; used where the yearly rate notice was not linked. */
export const DFO_STATE_TRAVEL_RATES = 'https://dfo.no/';

/** Secondary page stating the 2024 state per-km rate (4.90) and the 2024 tax-free rate (3.50). */
export const MILEAGE_RATES_2024_SECONDARY =
  'https://accountor.com/nb/norway/blogg/kjoregodtgjorelse-her-er-satsene-2024';

/** Skattedirektoratet's satsforskrift for 2024 as summarised by Revisorforeningen: tax-free mileage 3.50/km. */
export const TAX_FREE_RATES_2024 =
  'https://www.revisorforeningen.no/fag/nyheter/satser-for-inntektsaret-2024/';

/** Skatteetaten, a-melding guide: fees for serving on councils and committees (verv). */
export const SKATTEETATEN_VERV =
  'https://www.skatteetaten.no/bedrift-og-organisasjon/arbeidsgiver/a-meldingen/veiledning/lonn-og-ytelser/oversikt-over-lonn-og-andre-ytelser/styrehonorar-og-godtgjorelser-i-forbindelse-med-verv/';

/** Skatteetaten, a-melding guide: overview of pay and benefits, incl. travel allowances and outlays. */
export const SKATTEETATEN_PAY_AND_BENEFITS =
  'https://www.skatteetaten.no/bedrift-og-organisasjon/arbeidsgiver/a-meldingen/veiledning/lonn-og-ytelser/oversikt-over-lonn-og-andre-ytelser/';
