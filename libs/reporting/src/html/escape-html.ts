import { neutraliseUnsafeCharacters } from '@app/shared-kernel';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text and attribute values: every name in the report passes through here.
 * Control and bidirectional formatting characters stored before names were
 * refused them become U+FFFD, so no name displays in another order than stored.
 */
export function escapeHtml(value: unknown): string {
  return neutraliseUnsafeCharacters(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
