import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ValidationFailed } from '@app/shared-kernel';
import { fieldErrors } from './field-errors';

/**
 * The global pipe: request DTOs are class-validator classes; unknown fields
 * are refused (not silently dropped) so a typo never loses data; values are
 * not coerced (a string is not a number), only turned into DTO instances.
 * Failures are ValidationFailed, which the problem filter answers with 400
 * and `errors: [{field, message}]`.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A JSON array or scalar where a DTO is expected would otherwise be validated item by item.
    const notAnObject = value === null || typeof value !== 'object' || Array.isArray(value);
    if (metadata.type === 'body' && value !== undefined && notAnObject && this.toValidate(metadata))
      throw new ValidationFailed([{ field: 'body', message: 'must be a JSON object' }]);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // `value` tells a missing field from a wrong one; it never reaches the client.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailed(fieldErrors(errors)),
  });
}
