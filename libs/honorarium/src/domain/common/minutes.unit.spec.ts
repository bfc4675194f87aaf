import { isCalendarDate } from './calendar-date';
import { divideRoundHalfUp, payForMinutes } from './integer-math';
import { Rounding, formatMinutes, hoursToMinutes, roundMinutes } from './minutes';

describe('hoursToMinutes: Math.round(hours * 60)', () => {
  it.each([
    [2.67, 160],
    [1.17, 70],
    [0.5, 30],
    [121 / 60, 121],
    [0.0083, 0],
    [0.0084, 1],
    [24, 1440],
  ])('%p h → %p min', (hours, minutes) => expect(hoursToMinutes(hours)).toBe(minutes));
});

describe('roundMinutes', () => {
  const nearestHalfHour: Rounding = { mode: 'nearest', stepMinutes: 30 };
  const eachStartedHalfHour: Rounding = { mode: 'each-started', stepMinutes: 30 };
  it.each([
    [nearestHalfHour, 0, 0],
    [nearestHalfHour, 14, 0],
    [nearestHalfHour, 15, 30],
    [nearestHalfHour, 120, 120],
    [nearestHalfHour, 121, 120],
    [nearestHalfHour, 134, 120],
    [nearestHalfHour, 135, 150],
    [eachStartedHalfHour, 0, 0],
    [eachStartedHalfHour, 1, 30],
    [eachStartedHalfHour, 30, 30],
    [eachStartedHalfHour, 31, 60],
    [eachStartedHalfHour, 160, 180],
    [eachStartedHalfHour, 70, 90],
  ])('%j: %p min → %p min', (rounding, minutes, rounded) =>
    expect(roundMinutes(minutes, rounding)).toBe(rounded),
  );
});

describe('integer money arithmetic', () => {
  it.each([
    [7, 2, 4],
    [5, 2, 3],
    [4, 2, 2],
    [1, 3, 0],
    [0, 60, 0],
  ])('%p / %p rounds half up to %p', (n, d, q) => expect(divideRoundHalfUp(n, d)).toBe(q));

  it('pays minutes at an hourly rate, half an øre up', () => {
    expect(payForMinutes(180, 42900)).toBe(128700);
    expect(payForMinutes(90, 42900)).toBe(64350);
    expect(payForMinutes(1, 35500)).toBe(592); // 591.67 øre
    expect(payForMinutes(1, 90)).toBe(2); // 1.5 øre
  });

  it('refuses fractions and negatives instead of guessing', () => {
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe('formatMinutes and isCalendarDate', () => {
  it('formats minutes for people', () => expect(formatMinutes(160)).toBe('2 h 40 min'));
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-3-10', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('%s is a date: %p', (text, valid) => expect(isCalendarDate(text)).toBe(valid));
});
