import { DEFAULT_ROBOT_WEBHOOK_HOSTS, parseRobotWebhookHosts, robotWebhookHostAllowed } from './robot-hosts';

describe('robot webhook hosts', () => {
  const defaults = parseRobotWebhookHosts(undefined);

  it('allows the three platforms’ webhook hosts by default', () => {
    expect(defaults).toEqual([...DEFAULT_ROBOT_WEBHOOK_HOSTS]);
    expect(robotWebhookHostAllowed('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', defaults)).toBe(true);
    expect(robotWebhookHostAllowed('https://oapi.dingtalk.com/robot/send?access_token=x', defaults)).toBe(true);
    expect(robotWebhookHostAllowed('https://open.feishu.cn/open-apis/bot/v2/hook/x', defaults)).toBe(true);
  });

  it('refuses internal addresses, look-alike hosts and other schemes', () => {
    expect(robotWebhookHostAllowed('http://127.0.0.1:6379/', defaults)).toBe(false);
    expect(robotWebhookHostAllowed('http://169.254.169.254/latest/meta-data', defaults)).toBe(false);
    expect(robotWebhookHostAllowed('https://qyapi.weixin.qq.com.evil.example/x', defaults)).toBe(false);
    expect(robotWebhookHostAllowed('https://user@evil.example/?qyapi.weixin.qq.com', defaults)).toBe(false);
    expect(robotWebhookHostAllowed('ftp://oapi.dingtalk.com/x', defaults)).toBe(false);
    expect(robotWebhookHostAllowed('not a url', defaults)).toBe(false);
  });

  it('reads a configured list: host names, host:port and *', () => {
    const hosts = parseRobotWebhookHosts(' robot.park.gov.cn , 127.0.0.1:8080 ');
    expect(hosts).toEqual(['robot.park.gov.cn', '127.0.0.1:8080']);
    expect(robotWebhookHostAllowed('https://robot.park.gov.cn/hook', hosts)).toBe(true);
    expect(robotWebhookHostAllowed('http://127.0.0.1:8080/hook', hosts)).toBe(true);
    expect(robotWebhookHostAllowed('http://127.0.0.1:9090/hook', hosts)).toBe(false);
    expect(robotWebhookHostAllowed('http://10.0.0.5/anything', parseRobotWebhookHosts('*'))).toBe(true);
  });
});
