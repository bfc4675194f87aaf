/** Money of a year's participation in øre, split as the yearly account reports it. */
export interface EconomyFigures {
  /** Honorarium / meeting fee (honorar / møtegodtgjørelse): meeting, preparation and travel time. */
  honorariumOre: number;
  /** Travel, meals, lodging and other receipts (reiseutgifter, kost, overnatting). */
  expensesOre: number;
  /** Lost income (tapt arbeidsinntekt), documented or at the flat rate. */
  lostIncomeOre: number;
  totalOre: number;
}

export const NO_MONEY: Readonly<EconomyFigures> = Object.freeze({
  honorariumOre: 0,
  expensesOre: 0,
  lostIncomeOre: 0,
  totalOre: 0,
});

/** Which part of the economy each calculation line kind is; a kind not named (`not-payable`) carries no money. */
export const ECONOMY_PART_OF_KIND: Readonly<Record<string, keyof Omit<EconomyFigures, 'totalOre'>>> = {
  meeting: 'honorariumOre',
  preparation: 'honorariumOre',
  'travel-time': 'honorariumOre',
  'lost-income-documented': 'lostIncomeOre',
  'lost-income-undocumented': 'lostIncomeOre',
  mileage: 'expensesOre',
  ticket: 'expensesOre',
  lodging: 'expensesOre',
  meals: 'expensesOre',
  other: 'expensesOre',
};

/** Splits honorarium calculation lines by kind; `not-payable` lines carry no money. */
export function economyOfLines(lines: ReadonlyArray<{ kind: string; amountOre: number }>): EconomyFigures {
  const figures = { ...NO_MONEY };
  for (const line of lines) {
    const part = ECONOMY_PART_OF_KIND[line.kind];
    if (!part) continue;
    figures[part] += line.amountOre;
    figures.totalOre += line.amountOre;
  }
  return figures;
}

export function addEconomy(a: EconomyFigures, b: EconomyFigures): EconomyFigures {
  return {
    honorariumOre: a.honorariumOre + b.honorariumOre,
    expensesOre: a.expensesOre + b.expensesOre,
    lostIncomeOre: a.lostIncomeOre + b.lostIncomeOre,
    totalOre: a.totalOre + b.totalOre,
  };
}
