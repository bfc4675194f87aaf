import type { Response } from 'supertest';
import { ParticipationApi } from '../../participation/support/builders';

/** Finance users: two, so one can approve what the other drafted. */
export const FINANCE = { frode: 'finance-frode', fiona: 'finance-fiona' } as const;

export interface PayoutLineView {
  lineId: string;
  participantId: string;
  involvementId: string;
  kind: string;
  amountOre: number;
  taxable: boolean;
  incomeType: string;
  adjustsLineId: string | null;
  status: string;
}

/** The participation builders plus a second finance user and payout calls. */
export class PayoutsApi {
  private constructor(
    readonly p: ParticipationApi,
    private readonly fiona: string,
  ) {}

  static async start(): Promise<PayoutsApi> {
    const p = await ParticipationApi.start();
    const fiona = await p.t.token({ sub: FINANCE.fiona, name: 'Fiona Økonomi', roles: ['finance'] });
    return new PayoutsApi(p, fiona);
  }

  close(): Promise<void> {
    return this.p.close();
  }

  /** `frode` is the ParticipationApi's finance user; `fiona` the second one. */
  post(path: string, who: 'frode' | 'fiona', body?: object, headers: Record<string, string> = {}) {
    if (who === 'frode') return this.p.post(path, 'finance', body, headers);
    const req = this.p.t.http.post(path).set('Authorization', `Bearer ${this.fiona}`).set(headers);
    return body === undefined ? req : req.send(body);
  }

  async draft(
    periodEnd = '2025-05-31',
    who: 'frode' | 'fiona' = 'frode',
    extra: object = {},
  ): Promise<Response> {
    await this.p.t.settled();
    return this.post('/v1/payout-batches', who, { periodEnd, ...extra });
  }

  async batch(id: string): Promise<{
    status: string;
    lines: PayoutLineView[];
    totalOre: number;
    createdBy: string;
    approvedBy: string | null;
  }> {
    const res = await this.p.get(`/v1/payout-batches/${id}`, 'auditor');
    if (res.status !== 200) throw new Error(`GET batch answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async honorarium(participantId: string) {
    await this.p.t.settled();
    const res = await this.p.get(`/v1/participants/${participantId}/honorarium`, 'finance');
    if (res.status !== 200)
      throw new Error(`GET honorarium answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as {
      accruedOre: number;
      batchedOre: number;
      paidOre: number;
      lines: Array<{
        status: string;
        amountOre: number;
        adjustment: boolean;
        adjustsLineId?: string | null;
        kind: string;
      }>;
    };
  }
}

export const sum = (amounts: number[]) => amounts.reduce((a, b) => a + b, 0);

/** Parses the export CSV back: BOM, `;`, CRLF, "quoted" fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const body = text.slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

/** "1234,50" / "-12,00" kroner → øre. */
export function ore(kroner: string): number {
  const m = /^(-?)(\d+),(\d{2})$/.exec(kroner);
  if (!m) throw new Error(`not an amount in kroner: ${kroner}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}
