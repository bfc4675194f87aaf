/**
 * Characters that never belong in a name, an id or a one-line text: C0 and C1
 * control characters and DEL (CR, LF and TAB among them), the line and
 * paragraph separators, and the bidirectional formatting characters (U+202E
 * and friends) that make text display in another order than it is stored.
 * Single character classes: each check is one linear pass.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export const UNSAFE_TEXT_RULE =
  'must not contain control characters (such as CR, LF, TAB or NUL) or bidirectional formatting characters (such as U+202E)';

export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE.test(text);
}

/** For data stored before the rule: each unsafe character becomes U+FFFD, visibly, never a line break or a reordering. */
export function neutraliseUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, '\uFFFD');
}
