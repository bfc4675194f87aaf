import { aggregateBreadth, breadthIndicator, type BreadthPerson } from './breadth';

const person = (
  n: number,
  attributes: BreadthPerson['attributes'],
  perspectives: BreadthPerson['perspectives'] = ['user'],
) => ({
  participantId: `p${n}`,
  perspectives,
  attributes,
});
const many = (count: number, attributes: BreadthPerson['attributes'], from = 0) =>
  Array.from({ length: count }, (_, i) => person(from + i, attributes));

describe('representation breadth in aggregate', () => {
  it('suppresses a count of 4 and shows a count of 5', () => {
    expect(aggregateBreadth(many(4, { sami: true })).sami).toBeNull();
    expect(aggregateBreadth(many(5, { sami: true })).sami).toBe(5);
    expect(aggregateBreadth(many(4, { sami: true })).people).toBeNull();
    expect(aggregateBreadth(many(5, null)).people).toBe(5);
  });

  it('suppresses zero too, so "none" cannot be told from "one"', () => {
    expect(aggregateBreadth(many(6, { sami: false })).sami).toBeNull();
  });

  it('counts only consented attributes: people without consent are people, not groups', () => {
    const b = aggregateBreadth([...many(5, null), ...many(2, { sami: true }, 5)]);
    expect(b).toMatchObject({ people: 7, consented: null, sami: null });
  });

  it('hides the next smallest age band when only one is hidden, so none can be had by subtraction', () => {
    const bands = aggregateBreadth([
      ...many(6, { ageBand: '30-49' }),
      ...many(5, { ageBand: '50-66' }),
      ...many(7, { ageBand: '67-79' }),
      ...many(2, { ageBand: '18-29' }, 100),
      // Every other band is 0, so hidden already: no extra hiding needed.
    ]).ageBands;
    expect(bands).toEqual([
      { value: 'under-18', count: null },
      { value: '18-29', count: null },
      { value: '30-49', count: 6 },
      { value: '50-66', count: 5 },
      { value: '67-79', count: 7 },
      { value: '80-and-over', count: null },
    ]);
    const lonely = aggregateBreadth([
      ...many(6, { ageBand: 'under-18' }),
      ...many(6, { ageBand: '18-29' }, 10),
      ...many(6, { ageBand: '30-49' }, 20),
      ...many(5, { ageBand: '50-66' }, 30),
      ...many(7, { ageBand: '67-79' }, 40),
      ...many(3, { ageBand: '80-and-over' }, 50),
    ]).ageBands;
    expect(lonely.filter((b) => b.count === null).map((b) => b.value)).toEqual(['50-66', '80-and-over']);
  });

  it('names free-text groups of 5 or more only, and says smaller ones were left out', () => {
    const b = aggregateBreadth([
      ...many(5, { userOrganization: 'ffo' }),
      ...many(1, { userOrganization: 'lhl' }, 5),
    ]);
    expect(b.userOrganizations).toEqual({ groups: [{ value: 'ffo', count: 5 }], smallGroupsHidden: true });
  });
});

describe('the breadth indicator of a council', () => {
  it('counts perspectives always and groups only when 5 consented', () => {
    const council = [
      person(1, { sami: true }),
      person(2, null, ['next-of-kin']),
      ...many(3, { ageBand: '30-49' }, 3),
    ];
    expect(breadthIndicator(council)).toEqual({ perspectivesCovered: 2, groupsCovered: null });
    expect(breadthIndicator([...council, person(9, { minorityBackground: true })])).toEqual({
      perspectivesCovered: 2,
      groupsCovered: 3,
    });
  });
});
