import type { RobotKind } from '@zs/domain';

/**
 * How a reminder reads on each outbound channel (pure). The engine writes a delivery's Chinese `title` and
 * `body` (what is due, how overdue); this adds the project, the escalation level, the link to the project
 * page and the channel's own format (email text + HTML, WeCom / DingTalk markdown, Feishu card).
 */
export interface MessageContent {
  title: string;
  /** Plain text; lines separated by `\n`. */
  body: string;
  project: { name: string; code: string } | null;
  /** Absolute URL of the page to open (the project page), or null. */
  link: string | null;
  /** 0 = the officer, 1 = the leading official, 2 = the managers (named on team webhooks). */
  level: number;
  /** The recipient's name: the email greeting; on a team webhook, who the message is for (omitted for several). */
  recipientName?: string | null;
  /** Said on a park's webhook: the message stands for everyone of that level in the park. */
  team?: boolean;
}

export const PRODUCT_NAME = '招商CRM';

const LEVEL_LABELS = ['责任人', '包抓领导', '招商局领导'];

export function levelLabel(level: number): string {
  return LEVEL_LABELS[level] ?? `第 ${level} 级`;
}

/** Email: subject, plain text and HTML, all in Chinese. */
export function formatEmail(message: MessageContent): { subject: string; text: string; html: string } {
  const subject = `【${PRODUCT_NAME}】${message.title}`;
  const lines: string[] = [];
  if (message.recipientName) lines.push(`${message.recipientName}，您好：`, '');
  lines.push(message.body);
  lines.push('');
  if (message.project) lines.push(`项目：${message.project.name}（${message.project.code}）`);
  if (message.link) lines.push(`查看详情：${message.link}`);
  lines.push('', `—— ${PRODUCT_NAME}自动提醒，请勿直接回复此邮件。`);
  const text = lines.join('\n');

  const html = [
    '<div style="font-family:-apple-system,\'PingFang SC\',\'Microsoft YaHei\',sans-serif;font-size:14px;line-height:1.6">',
    message.recipientName ? `<p>${escapeHtml(message.recipientName)}，您好：</p>` : '',
    `<p>${escapeHtml(message.body).replace(/\n/g, '<br>')}</p>`,
    message.project ? `<p>项目：<b>${escapeHtml(message.project.name)}</b>（${escapeHtml(message.project.code)}）</p>` : '',
    message.link ? `<p><a href="${escapeHtml(message.link)}">查看详情</a></p>` : '',
    `<p style="color:#888">—— ${PRODUCT_NAME}自动提醒，请勿直接回复此邮件。</p>`,
    '</div>',
  ].join('');
  return { subject, text, html };
}

/** The robots' markdown: WeCom keeps single newlines, DingTalk and Feishu need markdown hard breaks. */
export function formatMarkdown(message: MessageContent, kind: RobotKind): string {
  const newline = kind === 'wecom' ? '\n' : '  \n';
  const lines: string[] = [];
  lines.push(kind === 'feishu' ? `**${escapeMarkdown(message.title)}**` : `### ${escapeMarkdown(message.title)}`);
  lines.push(...message.body.split('\n').map(escapeMarkdown));
  if (message.project) lines.push(`项目：**${escapeMarkdown(message.project.name)}**（${message.project.code}）`);
  if (message.team) {
    // a park's group: say whom it is for (the engine's body already says when a reminder was escalated)
    const who = message.recipientName ? ` ${escapeMarkdown(message.recipientName)}` : '';
    lines.push(`提醒对象：${levelLabel(message.level)}${who}`);
  }
  if (message.link) lines.push(`[查看详情](${message.link})`);
  return truncateUtf8(lines.join(newline), kind === 'wecom' ? 4000 : 18000);
}

/** The JSON body each robot's webhook takes (the signature fields are added by the sender). */
export function robotPayload(message: MessageContent, kind: RobotKind): Record<string, unknown> {
  const markdown = formatMarkdown(message, kind);
  switch (kind) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: markdown } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: truncateUtf8(message.title, 200), text: markdown } };
    case 'feishu':
      return {
        msg_type: 'interactive',
        card: {
          config: { wide_screen_mode: true },
          header: { title: { tag: 'plain_text', content: truncateUtf8(message.title, 200) }, template: message.level > 0 ? 'red' : 'orange' },
          elements: [{ tag: 'div', text: { tag: 'lark_md', content: markdown } }],
        },
      };
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Keeps user text from turning into links or emphasis. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1');
}

/** At most `maxBytes` of UTF-8 (the robots count bytes), cut on a character boundary with an ellipsis. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes - 3) break;
    out += char;
    bytes += size;
  }
  return `${out}…`;
}

/** The absolute URL of a link the engine stored (`/projects/…` or absolute), on the product's public URL. */
export function absoluteLink(publicUrl: string, link: string | null, projectId: string | null): string | null {
  const target = link ?? (projectId ? `/projects/${projectId}` : null);
  if (!target) return null;
  if (/^https?:\/\//i.test(target)) return target;
  return `${publicUrl.replace(/\/+$/, '')}/${target.replace(/^\/+/, '')}`;
}
