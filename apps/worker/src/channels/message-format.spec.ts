import { absoluteLink, formatEmail, formatMarkdown, robotPayload, truncateUtf8, type MessageContent } from './message-format';

const message: MessageContent = {
  title: '前期手续已逾期 3 天：天齐锂业',
  body: '项目「天齐锂业」的前期手续「环评」应于 2026-04-01 前完成，已逾期 3 天。\n责任人：张伟。',
  project: { name: '天齐锂业 *高纯* [氯化锂]', code: 'ZS-2026-0001' },
  link: 'https://crm.example.gov.cn/projects/p1',
  level: 0,
  recipientName: '张伟',
};

describe('reminder message formats', () => {
  it('writes the email in Chinese with a greeting, the project and the link, HTML-escaped', () => {
    const email = formatEmail({ ...message, body: '<b>逾期</b>' });
    expect(email.subject).toBe('【招商CRM】前期手续已逾期 3 天：天齐锂业');
    expect(email.text).toBe([
      '张伟，您好：', '', '<b>逾期</b>', '', '项目：天齐锂业 *高纯* [氯化锂]（ZS-2026-0001）',
      '查看详情：https://crm.example.gov.cn/projects/p1', '', '—— 招商CRM自动提醒，请勿直接回复此邮件。',
    ].join('\n'));
    expect(email.html).toContain('&lt;b&gt;逾期&lt;/b&gt;');
    expect(email.html).toContain('<a href="https://crm.example.gov.cn/projects/p1">查看详情</a>');
  });

  it('keeps user text from becoming markdown in robot messages', () => {
    expect(formatMarkdown(message, 'wecom')).toContain('项目：**天齐锂业 \\*高纯\\* \\[氯化锂\\]**（ZS-2026-0001）');
  });

  it('breaks lines the way each robot renders them', () => {
    expect(formatMarkdown(message, 'wecom').split('\n')).toHaveLength(5);
    expect(formatMarkdown(message, 'dingtalk')).toContain('已逾期 3 天。  \n责任人：张伟。');
  });

  it('names the level on a park’s webhook', () => {
    expect(formatMarkdown({ ...message, team: true, level: 1, recipientName: '李娜' }, 'wecom')).toContain('提醒对象：包抓领导 李娜');
    expect(formatMarkdown({ ...message, team: true, level: 2, recipientName: null }, 'wecom')).toContain('提醒对象：招商局领导');
  });

  it('builds each robot’s JSON body', () => {
    expect(robotPayload(message, 'wecom')).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('### 前期手续') } });
    expect(robotPayload(message, 'dingtalk')).toEqual({ msgtype: 'markdown', markdown: { title: message.title, text: expect.any(String) } });
    expect(robotPayload(message, 'feishu')).toEqual({
      msg_type: 'interactive',
      card: expect.objectContaining({ header: { title: { tag: 'plain_text', content: message.title }, template: 'orange' } }),
    });
  });

  it('stays within WeCom’s 4096-byte limit, cutting on a character boundary', () => {
    const long = formatMarkdown({ ...message, body: '逾'.repeat(3000) }, 'wecom');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(4000);
    expect(long.endsWith('…')).toBe(true);
    expect(truncateUtf8('招商', 5)).toBe('…');
  });

  it('makes links absolute on the public URL', () => {
    expect(absoluteLink('https://crm.example.gov.cn/', '/projects/p1', null)).toBe('https://crm.example.gov.cn/projects/p1');
    expect(absoluteLink('https://crm.example.gov.cn', null, 'p2')).toBe('https://crm.example.gov.cn/projects/p2');
    expect(absoluteLink('https://x', 'https://other.example/a', null)).toBe('https://other.example/a');
    expect(absoluteLink('https://x', null, null)).toBeNull();
  });
});
