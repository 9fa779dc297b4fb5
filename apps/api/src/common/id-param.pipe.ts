import { ParseUUIDPipe } from '@nestjs/common';
import { validationError } from '@zs/domain';

/** `:id` parameters are uuids; anything else is a 400 naming the parameter. */
export const IdParam = (field = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => validationError(field, `${field} 必须是 UUID (must be a uuid)`) });
