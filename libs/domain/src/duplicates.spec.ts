import {
  amountsWithin,
  duplicateReasons,
  type DupSubject,
  nameBigrams,
  normalizeCompanyName,
  normalizeMobile,
  normalizeSearchText,
} from './duplicates';

describe('normalizeCompanyName', () => {
  it.each([
    ['天齐锂业股份有限公司', '天齐锂业'],
    ['四川天齐锂业 有限责任公司', '四川天齐锂业'],
    ['阿里巴巴（中国）有限公司', '阿里巴巴'],
    ['阿里巴巴(中国)网络技术有限公司', '阿里巴巴网络技术'],
    ['佐尔鲁纺织集团', '佐尔鲁纺织'],
    ['特变电工责任公司', '特变电工'],
    ['Zorlu Tekstil Co., Ltd.', 'zorlutekstil'],
    ['ZORLU Group Inc.', 'zorlu'],
    ['Acme Holdings Limited', 'acme'],
    ['“华能”·新能源，公司！', '华能新能源'],
    ['ＡＢＣ　电气', 'abc电气'],
  ])('reduces %s to %s', (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });

  it('gives the same result for the same company written two ways', () => {
    expect(normalizeCompanyName('天齐锂业股份有限公司')).toBe(normalizeCompanyName('天齐锂业（股份）'));
  });
});

describe('nameBigrams', () => {
  it('lists the distinct character bigrams of a name', () => {
    expect(nameBigrams('天齐锂业')).toEqual(['天齐', '齐锂', '锂业']);
  });

  it('lists each repeated bigram once', () => {
    expect(nameBigrams('哈哈哈')).toEqual(['哈哈']);
  });

  it('gives a one-character name as itself and an empty name as nothing', () => {
    expect(nameBigrams('锂')).toEqual(['锂']);
    expect(nameBigrams(' ，')).toEqual([]);
  });

  it('ignores spaces, punctuation and case', () => {
    expect(nameBigrams('A-b c')).toEqual(['ab', 'bc']);
  });

  it('keeps legal-form words so that a query containing them still matches', () => {
    const name = new Set(nameBigrams('天齐锂业股份有限公司'));
    expect(nameBigrams('锂业股份').every((b) => name.has(b))).toBe(true);
  });

  it('matches a query that is a substring of the name, and not one that is not', () => {
    const name = new Set(nameBigrams('四川天齐锂业股份有限公司'));
    const contains = (q: string) => nameBigrams(q).every((b) => name.has(b));
    expect(contains('锂业')).toBe(true);
    expect(contains('天齐 锂业')).toBe(true);
    expect(contains('赣锋锂业')).toBe(false);
  });

  it('folds width and case the same way as normalizeSearchText', () => {
    expect(normalizeSearchText('ＬＥＤ 照明')).toBe('led照明');
  });
});

describe('amountsWithin', () => {
  it('counts amounts 20% apart of the larger as within', () => {
    expect(amountsWithin(100, 80)).toBe(true);
    expect(amountsWithin(5200, 6500)).toBe(true);
  });

  it('counts amounts more than 20% apart as not within', () => {
    expect(amountsWithin(100, 79.9)).toBe(false);
  });

  it('takes another ratio', () => {
    expect(amountsWithin(100, 90, 0.05)).toBe(false);
    expect(amountsWithin(100, 96, 0.05)).toBe(true);
  });

  it('is false when either amount is zero, negative or not a number', () => {
    expect(amountsWithin(0, 0)).toBe(false);
    expect(amountsWithin(-100, -100)).toBe(false);
    expect(amountsWithin(100, Number.NaN)).toBe(false);
  });
});

describe('normalizeMobile', () => {
  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['86123', '86123'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });
});

describe('duplicateReasons', () => {
  const makeSubject = (overrides: Partial<DupSubject> = {}): DupSubject => ({
    name: '天齐锂业股份有限公司',
    creditCode: null,
    companyId: null,
    industry: 'lithium_materials',
    amount: 5200,
    mobiles: [],
    ...overrides,
  });

  it('finds nothing between unrelated records', () => {
    const a = makeSubject({ name: '特变电工', industry: 'power_equipment', amount: 12000, mobiles: ['13800138000'] });
    const b = makeSubject({ name: '佐尔鲁纺织', industry: 'textile', amount: 300, mobiles: ['13900139000'] });
    expect(duplicateReasons(a, b, 0.1)).toEqual([]);
  });

  it('reports credit_code when both codes are equal once normalised', () => {
    const a = makeSubject({ name: '甲', creditCode: '91440300708461136T' });
    const b = makeSubject({ name: '乙', creditCode: ' 91440300708461136t' });
    expect(duplicateReasons(a, b, 0)).toEqual(['credit_code']);
  });

  it('does not report credit_code when one side has no code', () => {
    const a = makeSubject({ name: '甲', creditCode: '91440300708461136T' });
    expect(duplicateReasons(a, makeSubject({ name: '乙' }), 0)).toEqual([]);
  });

  it('reports similar_name when the names are equal without legal-form words', () => {
    const a = makeSubject({ name: '天齐锂业股份有限公司', industry: null });
    const b = makeSubject({ name: '天齐锂业有限公司', industry: null });
    expect(duplicateReasons(a, b, 0.4)).toEqual(['similar_name']);
  });

  it('reports similar_name from a trigram similarity of 0.6 or more, not below', () => {
    const a = makeSubject({ name: '天齐锂业', industry: null });
    const b = makeSubject({ name: '四川天齐锂业集团', industry: null });
    expect(duplicateReasons(a, b, 0.6)).toEqual(['similar_name']);
    expect(duplicateReasons(a, b, 0.59)).toEqual([]);
  });

  it('does not call two names that normalise to nothing similar', () => {
    const a = makeSubject({ name: '有限公司', industry: null });
    expect(duplicateReasons(a, makeSubject({ name: '集团公司', industry: null }), 0)).toEqual([]);
  });

  it('reports investor_industry_amount for the same company, industry and an amount within 20%', () => {
    const a = makeSubject({ name: '天齐锂业一期', companyId: 'c1', amount: 5200 });
    const b = makeSubject({ name: '高纯氯化锂项目', companyId: 'c1', amount: 6000 });
    expect(duplicateReasons(a, b, 0.1)).toEqual(['investor_industry_amount']);
  });

  it('does not report investor_industry_amount for different companies with the same name', () => {
    const a = makeSubject({ companyId: 'c1' });
    const b = makeSubject({ companyId: 'c2' });
    expect(duplicateReasons(a, b, 1)).toEqual(['similar_name']);
  });

  it('falls back to the normalised name when a company id is missing', () => {
    const a = makeSubject({ name: '天齐锂业股份有限公司', companyId: 'c1', amount: 5200 });
    const b = makeSubject({ name: '天齐锂业', companyId: null, amount: 5000 });
    expect(duplicateReasons(a, b, 0.5)).toEqual(['similar_name', 'investor_industry_amount']);
  });

  it('does not report investor_industry_amount for another industry or an amount too far off', () => {
    const a = makeSubject({ companyId: 'c1', amount: 5200 });
    for (const b of [
      makeSubject({ companyId: 'c1', industry: 'textile' }),
      makeSubject({ companyId: 'c1', amount: 12000 }),
      makeSubject({ companyId: 'c1', amount: null }),
    ]) {
      expect(duplicateReasons(a, b, 0)).not.toContain('investor_industry_amount');
    }
  });

  it('reports mobile when a normalised mobile is shared', () => {
    const a = makeSubject({ name: '甲', mobiles: ['13900139000', '+86 138 0013 8000'] });
    const b = makeSubject({ name: '乙', mobiles: ['13800138000'] });
    expect(duplicateReasons(a, b, 0)).toEqual(['mobile']);
  });

  it('does not report mobile for different or empty mobiles', () => {
    const a = makeSubject({ name: '甲', mobiles: ['13800138000', ''] });
    expect(duplicateReasons(a, makeSubject({ name: '乙', mobiles: ['13800138001', ' '] }), 0)).toEqual([]);
  });

  it('reports every reason that applies, in a fixed order', () => {
    const a = makeSubject({ creditCode: '914403001922038216', companyId: 'c1', mobiles: ['13800138000'] });
    const b = makeSubject({ creditCode: '914403001922038216', companyId: 'c1', mobiles: ['13800138000'] });
    expect(duplicateReasons(a, b, 1)).toEqual(['credit_code', 'similar_name', 'investor_industry_amount', 'mobile']);
  });
});
