import { webcrypto } from 'node:crypto';
import { dingtalkSignature, dingtalkSignedUrl, feishuSignature } from './robot-signatures';

/** HmacSHA256 → Base64 through WebCrypto: an implementation independent of node:crypto's createHmac. */
async function hmacBase64(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await webcrypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await webcrypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
  return Buffer.from(mac).toString('base64');
}

describe('DingTalk (钉钉) signed request', () => {
  const secret = 'SEC8a1b2c3d4e5f6g7h8';
  const timestamp = 1775520000000;

  it('signs `${timestamp}\\n${secret}` with HmacSHA256 keyed by the secret, Base64 (vector from openssl)', () => {
    // printf '%s\n%s' 1775520000000 SEC8a1b2c3d4e5f6g7h8 | openssl dgst -sha256 -hmac SEC8a1b2c3d4e5f6g7h8 -binary | base64
    expect(dingtalkSignature(secret, timestamp)).toBe('781e4YfTwUUqtkI6PjsY/sXyOEINHtCtiFfidsi/PJc=');
  });

  it('agrees with WebCrypto for other secrets and times', async () => {
    for (const [s, t] of [['SECabc', 1700000000123], ['SEC中文密钥', Date.UTC(2026, 3, 3, 14)]] as const) {
      expect(dingtalkSignature(s, t)).toBe(await hmacBase64(s, `${t}\n${s}`));
    }
  });

  it('appends timestamp and the URL-encoded sign to the webhook URL', () => {
    const url = dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, timestamp);
    expect(url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=${timestamp}&sign=781e4YfTwUUqtkI6PjsY%2FsXyOEINHtCtiFfidsi%2FPJc%3D`);
    expect(new URL(url).searchParams.get('sign')).toBe('781e4YfTwUUqtkI6PjsY/sXyOEINHtCtiFfidsi/PJc=');
  });
});

describe('Feishu (飞书) signature', () => {
  it('signs an empty message with HmacSHA256 keyed by `${timestamp}\\n${secret}`, Base64 (vector from openssl)', () => {
    // printf '' | openssl dgst -sha256 -hmac "$(printf '%s\n%s' 1775520000 abc123feishu)" -binary | base64
    expect(feishuSignature('abc123feishu', 1775520000)).toBe('Iiw33VGJpc61dqcL9EstFdT23euoCYKYCLu4qlm+7w4=');
  });

  it('agrees with WebCrypto for other secrets and times', async () => {
    for (const [s, t] of [['x', 1700000000], ['飞书secret', 1775563200]] as const) {
      expect(feishuSignature(s, t)).toBe(await hmacBase64(`${t}\n${s}`, ''));
    }
  });
});
