import { AppError } from '../../http/app-error.ts';

/**
 * Returns NOT_FOUND for an agency outside the caller's scope, as for one that does not exist, so
 * that an admin of one agency learns nothing about another. The field is named for the form.
 */
export function agencyNotFound(): AppError {
  return new AppError('NOT_FOUND', {
    message: 'Không tìm thấy cơ quan đã chọn trong phạm vi bạn quản lý.',
    fields: [{ field: 'agencyId', label: 'Cơ quan', message: 'Hãy chọn một cơ quan mà bạn quản trị.' }],
  });
}
