import { rank, MAX_DUPLICATES } from './lead-duplicates.service';

describe('rank (duplicate candidates → reasons, strongest first)', () => {
  const subject = { name: '天齐锂业股份有限公司', creditCode: '91510900MA62L0XJ2A', companyId: null, industry: 'lithium_materials', amount: 5200, mobiles: ['13812345678'] };
  const candidate = (kind: 'lead' | 'company' | 'project', id: string, other: Record<string, unknown>, similarity = 0) => ({
    kind, id, name: id, similarity, subject: { name: '无关企业', ...other },
  });

  it('drops candidates without a reason and orders by the number of reasons', () => {
    const items = rank(subject, [
      candidate('company', 'c-name', { name: '天齐锂业有限公司' }, 1),
      candidate('lead', 'l-none', { name: '宏达纺织' }, 0.1),
      candidate('project', 'p-two', { name: '天齐锂业', industry: 'lithium_materials', amount: 5000 }, 1),
    ]);
    expect(items).toEqual([
      { kind: 'project', id: 'p-two', name: 'p-two', reasons: ['similar_name', 'investor_industry_amount'] },
      { kind: 'company', id: 'c-name', name: 'c-name', reasons: ['similar_name'] },
    ]);
  });

  it('puts a credit-code match before a similar name when both have one reason', () => {
    const items = rank(subject, [
      candidate('lead', 'by-name', { name: '天齐锂业集团' }, 1),
      candidate('lead', 'by-code', { creditCode: '91510900ma62l0xj2a' }),
    ]);
    expect(items.map((i) => [i.id, i.reasons])).toEqual([['by-code', ['credit_code']], ['by-name', ['similar_name']]]);
  });

  it('answers at most 20', () => {
    const many = Array.from({ length: 30 }, (_, i) => candidate('lead', `l${i}`, { mobiles: ['+86 138 1234 5678'] }));
    expect(rank(subject, many)).toHaveLength(MAX_DUPLICATES);
  });
});
