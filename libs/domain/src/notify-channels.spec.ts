import { maskSecret, maskWebhookUrl } from './notify-channels';

describe('masking robot credentials', () => {
  it('never shows a secret in full: only its last 4 characters, and none of a short one', () => {
    expect(maskSecret('SEC8a1b2c3d4e5f6g7h8')).toBe('••••••g7h8');
    expect(maskSecret('short')).toBe('••••••');
    expect(maskSecret(null)).toBeNull();
  });

  it('hides the WeCom key and the DingTalk access token but keeps the host recognisable', () => {
    expect(maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'))
      .toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…5aaa');
    expect(maskWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123'))
      .toBe('https://oapi.dingtalk.com/robot/send?access_token=0123…0123');
  });

  it('hides the Feishu hook id in the path', () => {
    expect(maskWebhookUrl('https://open.feishu.cn/open-apis/bot/v2/hook/1a2b3c4d-aaaa-bbbb-cccc-0123456789ff'))
      .toBe('https://open.feishu.cn/open-apis/bot/v2/hook/1a2b…89ff');
  });
});
