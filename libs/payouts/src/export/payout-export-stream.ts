import { csvLine, csvStart, csvTotals } from './payout-csv';
import type { OpenedExport } from './payout-export';

/**
 * The text of an opened export, a page at a time (docs/adr/0024). CSV: the
 * same rows as `payoutCsv`. JSON: the same bytes as `JSON.stringify` of the
 * whole PayoutExport (what the API answered before exports streamed), keys in
 * the same order.
 */
export async function* exportText(opened: OpenedExport, format: 'csv' | 'json'): AsyncGenerator<string> {
  if (format === 'csv') {
    yield csvStart();
    for await (const page of opened.pages()) yield page.map(csvLine).join('');
    yield csvTotals(opened.totals);
    return;
  }
  yield `${JSON.stringify(opened.header).slice(0, -1)},"lines":[`;
  let first = true;
  for await (const page of opened.pages()) {
    if (page.length === 0) continue;
    yield (first ? '' : ',') + page.map((line) => JSON.stringify(line)).join(',');
    first = false;
  }
  yield `],"totals":${JSON.stringify(opened.totals)}}`;
}
