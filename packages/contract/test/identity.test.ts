import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as v from 'valibot';
import { idNumberCheckChar, isMainlandMobile, isResidentIdNumber, maskAddress, maskIdNumber, maskName, maskPhone } from '../src/identity.js';
import { MobileSchema, ResidentIdSchema } from '../src/mediation.js';

/** A checksum-valid ID from its first 17 digits (never trust a literal). */
const idWith = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const validId = idWith('44040119900101176');
/** First 17 digits whose check character is X, found by varying the sequence number. */
const first17WithX = (() => {
  for (let sequence = 0; sequence < 1000; sequence += 1) {
    const first17 = `445102198507${'15'}${String(sequence).padStart(3, '0')}`;
    if (idNumberCheckChar(first17) === 'X') return first17;
  }
  throw new Error('no X check character found');
})();

describe('masking', () => {
  it('phone keeps the first 3 and last 4 digits', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
    assert.equal(maskPhone('123'), '***');
  });
  it('ID number keeps region and last 4', () => {
    assert.equal(validId.slice(0, 17), '44040119900101176');
    assert.equal(maskIdNumber(validId), `440401********176${validId[17]}`);
  });
  const names: Array<[string, string]> = [['陈柔燕', '陈*燕'], ['陈燕', '陈*'], ['欧阳修文', '欧**文'], ['燕', '*'], ['', ''], ['Li Ming', 'L* M***']];
  for (const [name, masked] of names) it(`name ${name || '(empty)'} → ${masked || '(empty)'}`, () => assert.equal(maskName(name), masked));
  const addresses: Array<[string, string]> = [
    ['潮安区庵埠镇文里村三巷5号', '潮安区庵埠镇'],
    ['湘桥区桥东街道下津村委会旁', '湘桥区桥东街道'],
    ['饶平县浮山镇东官村', '饶平县浮山镇'],
    ['潮州市湘桥区西湖路5号', '潮州市湘桥区'],
    ['潮州市西湖路5号', '潮州市'],
    ['西湖路5号后座三楼', '西湖***'],
    ['西湖路5号', '西湖***'],
  ];
  for (const [address, masked] of addresses) it(`address ${address} → ${masked}`, () => assert.equal(maskAddress(address), masked));
});

describe('mainland mobile', () => {
  for (const good of ['13812341234', '19912345678', '16600000000']) it(`accepts ${good}`, () => assert.equal(isMainlandMobile(good), true));
  for (const bad of ['12812341234', '1381234123', '138123412345', '+8613812341234', '138 1234 1234', '', '1381234123a']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(isMainlandMobile(bad), false));
  }
  it('the schema trims before checking', () => assert.equal(v.parse(MobileSchema, ' 13812341234 '), '13812341234'));
});

describe('resident ID number', () => {
  it('accepts a valid checksum', () => assert.equal(isResidentIdNumber(validId), true));
  it('rejects every wrong check character', () => {
    for (const check of '0123456789X') {
      if (check !== validId[17]) assert.equal(isResidentIdNumber(`${validId.slice(0, 17)}${check}`), false, check);
    }
  });
  it('rejects an impossible birth date (Feb 30) even with a matching checksum', () => {
    assert.equal(isResidentIdNumber(idWith('44040119900230176')), false);
    assert.equal(isResidentIdNumber(idWith('44040119001301176')), false, 'month 13');
    assert.equal(isResidentIdNumber(idWith('44040118991231176')), false, 'before 1900');
    assert.equal(isResidentIdNumber(idWith('44040120000229176')), true, 'leap day 2000');
  });
  it('rejects wrong lengths and characters', () => {
    for (const bad of [validId.slice(0, 17), `${validId}0`, validId.replace('4', 'A'), '']) assert.equal(isResidentIdNumber(bad), false, bad);
  });
  it('handles a lowercase x through the schema (toUpperCase), not the bare check', () => {
    const withX = idWith(first17WithX);
    assert.equal(withX.at(-1), 'X');
    const lower = withX.toLowerCase();
    assert.equal(isResidentIdNumber(lower), false);
    assert.equal(v.parse(ResidentIdSchema, ` ${lower} `), withX);
  });
});

describe('properties', () => {
  const mobile = fc.tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);
  const first17 = fc.tuple(
    fc.stringMatching(/^[1-8]\d{5}$/),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.stringMatching(/^\d{3}$/),
  ).map(([region, birth, sequence]) => `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`);

  it('valid mobiles pass and their mask never shows the middle digits', () => {
    fc.assert(fc.property(mobile, (phone) => {
      assert.equal(isMainlandMobile(phone), true);
      const masked = maskPhone(phone);
      assert.equal(masked.length, phone.length);
      assert.equal(masked.slice(3, 7), '****');
      assert.equal(masked.slice(0, 3) + masked.slice(7), phone.slice(0, 3) + phone.slice(7));
    }));
  });

  it('generated IDs validate, keep their length when masked and hide the birth date', () => {
    fc.assert(fc.property(first17, (digits) => {
      const id = idWith(digits);
      assert.equal(isResidentIdNumber(id), true);
      const masked = maskIdNumber(id);
      assert.equal(masked.length, id.length);
      assert.ok(!masked.includes(id.slice(6, 14)));
      assert.equal(masked.slice(6, 14), '********');
    }));
  });

  it('changing one digit of a valid ID breaks it', () => {
    fc.assert(fc.property(first17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (digits, index, delta) => {
      const id = idWith(digits);
      const changed = `${id.slice(0, index)}${(Number(id[index]) + delta) % 10}${id.slice(index + 1)}`;
      assert.equal(isResidentIdNumber(changed), false);
    }));
  });

  it('maskIdNumber keeps length for any string; maskName never returns the full name of 2+ CJK characters', () => {
    fc.assert(fc.property(fc.string(), (value) => assert.equal(maskIdNumber(value).length, value.length)));
    const cjkName = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCodePoint(code)), { minLength: 2, maxLength: 5 }).map((chars) => chars.join(''));
    fc.assert(fc.property(cjkName, (name) => {
      const masked = maskName(name);
      assert.notEqual(masked, name);
      assert.equal(Array.from(masked).length, Array.from(name).length);
      assert.equal(Array.from(masked)[0], Array.from(name)[0]);
    }));
  });
});
