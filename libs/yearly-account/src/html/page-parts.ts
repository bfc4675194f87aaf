import { esc } from './norwegian';

/** A table cell: text, right-aligned when numeric. */
export type Cell = { text: string; numeric?: boolean };
export const n = (text: string): Cell => ({ text, numeric: true });
export const t = (text: string): Cell => ({ text });

export function table(headers: Cell[], rows: Cell[][], caption?: string): string {
  const th = headers
    .map((h) => `<th scope="col"${h.numeric ? ' class="n"' : ''}>${esc(h.text)}</th>`)
    .join('');
  const body = rows
    .map(
      (r) => `<tr>${r.map((c) => `<td${c.numeric ? ' class="n"' : ''}>${esc(c.text)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A section of the account: each starts a new page in print. */
export const section = (id: string, title: string, body: string) =>
  `<section class="kapittel" id="${id}" aria-labelledby="${id}-tittel"><h2 id="${id}-tittel">${esc(title)}</h2>\n${body}\n</section>`;
