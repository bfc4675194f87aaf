import type { OpenAPIObject } from '@nestjs/swagger';
import { documentSecurity, operationsOf } from './openapi-security';
import { problemResponse } from './problem-responses';

/** The tags in the order of the work: set up, log, pay, report, audit, operate (Swagger UI shows them so). */
export const TAGS_IN_WORKFLOW_ORDER: ReadonlyArray<[name: string, description: string]> = [
  ['projects', 'Projects, their leads and the appointments (oppnevning) of representatives'],
  ['participants', 'People who take part: registration, personal data, honorarium ledger, forgetting'],
  [
    'involvements',
    'What a participant took part in, priced by the region’s guideline; corrections and evidence',
  ],
  ['guidelines', 'Regional honorarium guidelines and their versions'],
  ['payout-batches', 'Drafting, four-eyes approval, export and payment results of payouts'],
  ['yearly-account', 'The action plan (tiltak), its budget and spending, and training (opplæring)'],
  ['reports', 'The annual report of participation'],
  ['audit', 'The verifiable log: events, proofs, checkpoints, the access log and participation reality'],
  ['operations', 'Health and metrics for operators'],
];

const SUCCESS: Record<string, string> = { '200': 'OK', '201': 'Created' };

/**
 * The finishing touches code cannot put on one operation: security (401,
 * 403), 429 and 503 on every operation (rate limits, busy or database
 * down; both with Retry-After), and tags and paths in workflow order.
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  documentSecurity(document);
  for (const { operation } of operationsOf(document)) {
    const responses = (operation.responses ??= {}) as Record<string, { description?: string }>;
    responses['429'] ??= problemResponse(429);
    responses['503'] ??= problemResponse(503);
    for (const [status, response] of Object.entries(responses))
      if (!response.description) response.description = SUCCESS[status] ?? 'Success';
  }
  document.tags = TAGS_IN_WORKFLOW_ORDER.map(([name, description]) => ({ name, description }));
  const rank = (path: string) => {
    const tag = operationsOf({ ...document, paths: { [path]: document.paths[path] } })[0]?.operation
      .tags?.[0];
    const index = TAGS_IN_WORKFLOW_ORDER.findIndex(([name]) => name === tag);
    return index === -1 ? TAGS_IN_WORKFLOW_ORDER.length : index;
  };
  const ordered = Object.keys(document.paths)
    .map((path, position) => ({ path, position, rank: rank(path) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position);
  document.paths = Object.fromEntries(ordered.map(({ path }) => [path, document.paths[path]]));
  return document;
}
