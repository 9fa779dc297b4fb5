import type {} from '@fastify/multipart';
import { validationError } from '@zs/domain';
import type { FastifyRequest } from 'fastify';

/** Largest upload accepted (registered on @fastify/multipart in app.factory.ts). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The uploaded workbook of a `multipart/form-data` request, field `file`, read into memory (at most
 * MAX_UPLOAD_BYTES: beyond it @fastify/multipart answers 413).
 */
export async function readUploadedFile(request: FastifyRequest, field = 'file'): Promise<Buffer> {
  if (!request.isMultipart()) throw validationError(field, '请以 multipart/form-data 上传文件，字段名 file (upload the workbook as multipart/form-data, field `file`)');
  let part;
  try {
    part = await request.file();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw error;
    throw validationError(field, `无法读取上传的文件：${(error as Error).message} (unreadable upload)`);
  }
  if (!part) throw validationError(field, '缺少上传文件 (no file uploaded)');
  if (part.fieldname !== field) {
    part.file.resume();
    throw validationError(field, `文件须放在字段 ${field} 中 (the file must be sent in field \`${field}\`)`);
  }
  const buffer = await part.toBuffer();
  if (!buffer.length) throw validationError(field, '上传的文件为空 (empty file)');
  return buffer;
}

