import { type Rule, dropWhere } from './types';

/** Forum attachment labels: "36杭锦旗:党员闻令而动.jpg", "下载附件 (85.3 KB)". */
const ATTACHMENT = /(\.(jpe?g|png|gif|webp|bmp|pdf|docx?|xlsx?|rar|zip)(\s*\([\d.]+\s*[KMG]?B\))?$)|^下载附件|^(\d+(\.\d+)?\s*[KMG]B,\s*)?下载次数/i;

export function isAttachmentLine(line: string): boolean {
  return line.length < 120 && ATTACHMENT.test(line.trim());
}

/** Attachment file names and download counters. */
export const attachmentsRule: Rule = {
  id: 'attachments',
  apply: (blocks) => dropWhere(blocks, isAttachmentLine),
};
