import { canonicalJson } from './canonical-json';
import { contentHash } from './hashing';
import { nameBasedUuid } from './ids';
import { formatNok } from './money';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '€': 1, '\r': 2, ö: 3 })).toBe(
      '{"\\r":2,"a":[true,null,"x"],"b":1,"ö":3,"€":1}',
    );
  });

  it('serialises numbers the ECMAScript way', () => {
    expect(canonicalJson([1e21, 0.000001, -0, 2.67, 100])).toBe('[1e+21,0.000001,0,2.67,100]');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  it('gives the same hash whatever the key order', () => {
    expect(contentHash({ x: 1, y: { b: 2, a: 'æøå' } })).toBe(contentHash({ y: { a: 'æøå', b: 2 }, x: 1 }));
  });
});

describe('nameBasedUuid', () => {
  it('is a deterministic version-5 UUID (RFC 9562 test vector)', () => {
    // RFC 9562 appendix A.4: DNS namespace, "www.example.com"
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(nameBasedUuid('key-1')).toBe(nameBasedUuid('key-1'));
    expect(nameBasedUuid('key-1')).not.toBe(nameBasedUuid('key-2'));
  });
});

describe('formatNok', () => {
  it('formats øre as kroner without floating point', () => {
    expect(formatNok(235050)).toBe('2350.50');
    expect(formatNok(-5)).toBe('-0.05');
  });
});
