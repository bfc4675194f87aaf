import type { BreadthAttributes } from '../representation/breadth-attributes';
import { AGE_BANDS, type Perspective } from '../vocabulary';

/**
 * Counts below this are never shown (product default, not a rule of the
 * sources): a small count in a small council could name a person.
 */
export const SUPPRESS_BELOW = 5;

/** A count as reported: the number, or null when it is below SUPPRESS_BELOW (zero included). */
export type ReportedCount = number | null;

/** One person as breadth needs them: attributes null without consent in force (or once erased). */
export interface BreadthPerson {
  participantId: string;
  perspectives: readonly Perspective[];
  attributes: BreadthAttributes | null;
}

const shown = (n: number): ReportedCount => (n >= SUPPRESS_BELOW ? n : null);

/**
 * Cells of one partition (each person in at most one): when exactly one is
 * hidden, the smallest shown one is hidden too, so no hidden count can be
 * had by subtraction from the others.
 */
function partition(
  counts: ReadonlyArray<{ value: string; n: number }>,
): Array<{ value: string; count: ReportedCount }> {
  const cells = counts.map((c) => ({ value: c.value, n: c.n, count: shown(c.n) }));
  const hidden = cells.filter((c) => c.count === null);
  if (hidden.length === 1) {
    const smallest = cells.filter((c) => c.count !== null).sort((a, b) => a.n - b.n)[0];
    if (smallest) smallest.count = null;
  }
  return cells.map(({ value, count }) => ({ value, count }));
}

/** Free-text groups: only groups of at least SUPPRESS_BELOW are named; the rest are not even listed. */
function namedGroups(values: readonly string[]) {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  const groups = [...tally]
    .filter(([, n]) => n >= SUPPRESS_BELOW)
    .sort(([a, n], [b, m]) => m - n || a.localeCompare(b, 'nb'))
    .map(([value, count]) => ({ value, count }));
  return { groups, smallGroupsHidden: [...tally.values()].some((n) => n < SUPPRESS_BELOW) };
}

/** The groups a person declares: each attribute value is one group. */
export function groupsOf(a: BreadthAttributes): string[] {
  return [
    ...(a.ageBand ? [`age:${a.ageBand}`] : []),
    ...(a.sami ? ['sami'] : []),
    ...(a.minorityBackground ? ['minority-background'] : []),
    ...(a.serviceArea ? [`service-area:${a.serviceArea}`] : []),
    ...(a.userOrganization ? [`user-organization:${a.userOrganization}`] : []),
  ];
}

/** Representation breadth of a set of people, in aggregate only, every count below 5 suppressed. */
export function aggregateBreadth(people: readonly BreadthPerson[]) {
  const consented = people.filter((p) => p.attributes !== null).map((p) => p.attributes as BreadthAttributes);
  const count = (test: (p: BreadthPerson) => boolean) => shown(people.filter(test).length);
  return {
    suppressedBelow: SUPPRESS_BELOW,
    people: shown(people.length),
    perspectives: {
      user: count((p) => p.perspectives.includes('user')),
      nextOfKin: count((p) => p.perspectives.includes('next-of-kin')),
      notRecorded: count((p) => p.perspectives.length === 0),
    },
    consented: shown(consented.length),
    ageBands: partition(
      AGE_BANDS.map((band) => ({ value: band, n: consented.filter((a) => a.ageBand === band).length })),
    ),
    sami: shown(consented.filter((a) => a.sami === true).length),
    minorityBackground: shown(consented.filter((a) => a.minorityBackground === true).length),
    serviceAreas: namedGroups(consented.flatMap((a) => (a.serviceArea ? [a.serviceArea] : []))),
    userOrganizations: namedGroups(
      consented.flatMap((a) => (a.userOrganization ? [a.userOrganization] : [])),
    ),
  };
}

export type Breadth = ReturnType<typeof aggregateBreadth>;

/**
 * The breadth indicator of one council or project (it replaces "not alone"):
 * how many perspectives its people speak from (user, next of kin) and how
 * many groups they cover. Groups are counted only when at least 5 of its
 * people consented, so the number never points at one of few.
 */
export function breadthIndicator(people: readonly BreadthPerson[]) {
  const consented = people.filter((p) => p.attributes !== null);
  const perspectives = new Set(people.flatMap((p) => p.perspectives));
  const groups = new Set(consented.flatMap((p) => groupsOf(p.attributes as BreadthAttributes)));
  return {
    perspectivesCovered: perspectives.size,
    groupsCovered: consented.length >= SUPPRESS_BELOW ? groups.size : null,
  };
}
