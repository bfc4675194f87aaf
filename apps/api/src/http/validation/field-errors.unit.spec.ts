import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { fieldErrors, joinPath, reword } from './field-errors';

class Hours {
  @IsNumber() meeting!: number;
}
class Expense {
  @IsIn(['mileage', 'ticket']) kind!: string;
  @IsOptional() @IsInt() @Min(0) km?: number;
}
class Body {
  @IsString() @MaxLength(100) topic!: string;
  /** @ValidateNested alone lets a missing object through; @IsDefined makes it required. */
  @IsDefined() @ValidateNested() @Type(() => Hours) hours!: Hours;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Expense) expenses?: Expense[];
}

async function errorsOf(plain: object) {
  const errors = await validate(plainToInstance(Body, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return fieldErrors(errors);
}

describe('fieldErrors', () => {
  it('names nested fields with dots and array items with indexes', async () => {
    const errors = await errorsOf({
      topic: 'Møte',
      hours: { meeting: '2' },
      expenses: [{ kind: 'mileage', km: -1 }, { kind: 'taxi' }],
    });
    expect(errors).toEqual([
      { field: 'hours.meeting', message: expect.stringMatching(/^must be a number/) },
      { field: 'expenses[0].km', message: 'must not be less than 0' },
      { field: 'expenses[1].kind', message: expect.stringMatching(/^must be one of the following values/) },
    ]);
  });

  it('says a missing field is required, and gives a value of the wrong kind only that message', async () => {
    expect(await errorsOf({ topic: 42 })).toEqual([
      { field: 'topic', message: 'must be a string' },
      { field: 'hours', message: 'is required' },
    ]);
    expect(await errorsOf({ topic: 'x'.repeat(101), hours: { meeting: 1 } })).toEqual([
      { field: 'topic', message: 'must be shorter than or equal to 100 characters' },
    ]);
  });

  it('says an unknown field, at any depth, is not allowed', async () => {
    const errors = await errorsOf({ topic: 't', hours: { meeting: 1, minutes: 3 }, colour: 'blå' });
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'hours.minutes', message: 'is not allowed' },
        { field: 'colour', message: 'is not allowed' },
      ]),
    );
  });

  it('stops at 50 errors', async () => {
    const expenses = Array.from({ length: 80 }, () => ({ kind: 'taxi' }));
    expect(await errorsOf({ topic: 't', hours: { meeting: 1 }, expenses })).toHaveLength(50);
  });
});

describe('joinPath and reword', () => {
  it('builds paths', () => {
    expect(joinPath('', 'hours')).toBe('hours');
    expect(joinPath('hours', 'meeting')).toBe('hours.meeting');
    expect(joinPath('expenses', '0')).toBe('expenses[0]');
  });

  it('drops the property name the path already gives', () => {
    expect(reword('property x should not exist', 'x')).toBe('is not allowed');
    expect(reword('km must be an integer number', 'km')).toBe('must be an integer number');
    expect(reword('nested property hours must be either object or array', 'hours')).toBe(
      'must be either object or array',
    );
    expect(reword('each value in tags must be a string', 'tags')).toBe('each value must be a string');
    expect(reword('Validation failed (object is expected)', 'body')).toBe('must be a JSON object');
    expect(reword('something else entirely', 'x')).toBe('something else entirely');
  });
});
