import { requestLanguage } from './language';

describe('requestLanguage', () => {
  it.each(['en', 'EN', 'en-US', 'en-GB,en;q=0.9,zh-CN;q=0.8', ' en'])('reads %p as English', (header) => {
    expect(requestLanguage(header)).toBe('en');
  });

  it.each([undefined, '', 'zh-CN', 'zh-CN,en;q=0.9', 'zh', 'fr-FR', 'english-ish', '*'])('reads %p as Chinese', (header) => {
    expect(requestLanguage(header)).toBe('zh');
  });
});
