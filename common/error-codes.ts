/**
 * The one catalog of error codes. The server answers every failure with one of these codes and
 * its Vietnamese message; the client shows the message for the code in the user's language.
 * A code is never reused for another meaning once released.
 */
export const errorCatalog = {
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu không hợp lệ. Hãy sửa các trường được nêu rồi gửi lại.',
    en: 'The data is invalid. Fix the fields listed and send it again.',
  },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.',
    en: 'You are not signed in or your session has expired. Sign in again.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The username or password is incorrect.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.',
    en: 'The account is locked after too many failed sign-ins. Try again in 15 minutes.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Bạn phải đổi mật khẩu mặc định trước khi tiếp tục.',
    en: 'You must change the default password before continuing.',
  },
  PASSWORD_POLICY: {
    status: 400,
    vi: 'Mật khẩu mới không đạt yêu cầu.',
    en: 'The new password does not meet the policy.',
  },
  CURRENT_PASSWORD_WRONG: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is incorrect.',
  },
  CSRF_INVALID: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.',
    en: 'The anti-forgery token is missing or invalid. Reload the page.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy dữ liệu yêu cầu.', en: 'The requested item was not found.' },
  CONFLICT: {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi. Hãy tải lại rồi thử lại.',
    en: 'Someone else changed this data. Reload and try again.',
  },
  UNIT_CODE_TAKEN: {
    status: 409,
    vi: 'Mã số đơn vị đã được một đơn vị đang hoạt động sử dụng.',
    en: 'The unit code is already used by an active unit.',
  },
  UNIT_CODE_PREFIX: {
    status: 400,
    vi: 'Mã số đơn vị con phải bắt đầu bằng mã số của đơn vị cấp trên.',
    en: "A child unit's code must start with its parent's code.",
  },
  UNIT_CYCLE: {
    status: 400,
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị cấp dưới của nó.',
    en: 'A unit cannot be moved under itself or one of its descendants.',
  },
  UNIT_PARENT_INVALID: {
    status: 400,
    vi: 'Đơn vị cấp trên không phù hợp với loại đơn vị.',
    en: 'The parent unit does not fit this kind of unit.',
  },
  UNIT_ENDED: {
    status: 409,
    vi: 'Đơn vị đã kết thúc hoạt động, không thể thay đổi.',
    en: 'The unit has ended and cannot be changed.',
  },
  EMAIL_TAKEN: {
    status: 409,
    vi: 'Thư điện tử công vụ này đã có tài khoản.',
    en: 'An account with this official e-mail already exists.',
  },
  LAST_APPROVER: {
    status: 409,
    vi: 'Cơ quan sẽ không còn người phê duyệt phiếu. Hãy chỉ định người thay thế trước.',
    en: 'The agency would be left without an approver. Name a replacement first.',
  },
  GRANT_EXISTS: {
    status: 409,
    vi: 'Tài khoản đã có vai trò này trên đơn vị này.',
    en: 'The account already holds this role on this unit.',
  },
  ACCOUNT_DISABLED: {
    status: 409,
    vi: 'Tài khoản đang bị vô hiệu hóa. Hãy mở lại tài khoản trước.',
    en: 'The account is disabled. Enable it first.',
  },
  PERSON_ACCOUNT_TAKEN: {
    status: 409,
    vi: 'Hồ sơ cán bộ này đã gắn với một tài khoản khác.',
    en: 'This personnel record is already linked to another account.',
  },
  CATALOG_PERIOD_OVERLAP: {
    status: 409,
    vi: 'Mã này đã có một mục trong danh mục có thời gian hiệu lực trùng lặp.',
    en: 'This code already has a catalog entry whose validity period overlaps.',
  },
  CATALOG_ENTRY_ENDED: {
    status: 409,
    vi: 'Mục danh mục đã có ngày hết hiệu lực.',
    en: 'The catalog entry already has an end date.',
  },
  CATALOG_REQUEST_CLOSED: {
    status: 409,
    vi: 'Đề nghị bổ sung danh mục đã được xử lý xong hoặc bị từ chối, không thể đổi trạng thái.',
    en: 'The catalog request is already done or rejected and cannot change status.',
  },
  REORGANISATION_INVALID: {
    status: 400,
    vi: 'Thay đổi tổ chức bộ máy không hợp lệ.',
    en: 'The reorganisation is invalid.',
  },
  REQUEST_STATE: {
    status: 409,
    vi: 'Đề nghị không ở trạng thái cho phép thao tác này.',
    en: 'The request is not in a status that allows this action.',
  },
  PERSON_IN_OPEN_REQUEST: {
    status: 409,
    vi: 'Người này đã có trong một đề nghị khác chưa xử lý xong.',
    en: 'This person is already in another request that is still open.',
  },
  DECLARATION_SELF_DECISION: {
    status: 403,
    vi: 'Bạn không thể tự phê duyệt hoặc trả lại phiếu của chính mình. Phiếu sẽ do người phê duyệt khác của cơ quan hoặc Sở Nội vụ xử lý.',
    en: 'You cannot decide your own declaration. Another approver of the agency or the Department of Home Affairs will decide it.',
  },
  DECLARATION_NOT_ROUTED_TO_YOU: {
    status: 403,
    vi: 'Phiếu này không thuộc thẩm quyền phê duyệt của bạn.',
    en: 'This declaration is not routed to you for a decision.',
  },
  DECLARATION_ALREADY_DECIDED: {
    status: 409,
    vi: 'Phiếu đã được xử lý trước đó (phê duyệt hoặc trả lại). Hãy tải lại danh sách phiếu.',
    en: 'The declaration has already been decided. Reload the list.',
  },
  DECLARATION_NOT_EDITABLE: {
    status: 409,
    vi: 'Phiếu không còn sửa được vì đã được nộp hoặc đã được xử lý. Hãy tải lại phiếu.',
    en: 'The declaration can no longer be edited because it was submitted or decided. Reload it.',
  },
  DECLARATION_STALE: {
    status: 409,
    vi: 'Phiếu đã được lưu ở nơi khác sau lần bạn tải. Hãy tải lại phiếu rồi sửa tiếp.',
    en: 'The declaration was saved elsewhere after you loaded it. Reload it and continue.',
  },
  PDF_CONVERTER_MISSING: {
    status: 503,
    vi: 'Máy chủ chưa cài LibreOffice nên chưa xuất được tệp PDF. Hãy tải bản Word (.docx) hoặc báo quản trị viên cài LibreOffice.',
    en: 'LibreOffice is not installed on the server, so PDF export is unavailable. Download the Word (.docx) file or ask the administrator to install LibreOffice.',
  },
  PDF_CONVERSION_FAILED: {
    status: 500,
    vi: 'Chuyển sơ yếu lý lịch sang PDF không thành công. Hãy thử lại hoặc tải bản Word (.docx).',
    en: 'Converting the CV to PDF failed. Try again or download the Word (.docx) file.',
  },
  SECOND_FACTOR_REQUIRED: {
    status: 403,
    vi: 'Hãy nhập mã xác thực hai lớp (TOTP) từ ứng dụng xác thực để tiếp tục.',
    en: 'Enter the two-factor (TOTP) code from your authenticator app to continue.',
  },
  SECOND_FACTOR_INVALID: {
    status: 400,
    vi: 'Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới đang hiện trên ứng dụng xác thực.',
    en: 'The code is wrong or already used. Enter the current code from your authenticator app.',
  },
  SIGN_IN_METHOD_DISABLED: {
    status: 404,
    vi: 'Cách đăng nhập hoặc chức năng này chưa được bật trên hệ thống. Hãy liên hệ quản trị viên.',
    en: 'This sign-in method or feature is not enabled. Contact the administrator.',
  },
  PASSWORD_RESET_LINK_INVALID: {
    status: 400,
    vi: 'Đường dẫn đặt lại mật khẩu không hợp lệ, đã hết hạn hoặc đã được dùng. Hãy yêu cầu đường dẫn mới.',
    en: 'The password reset link is invalid, expired or already used. Request a new link.',
  },
  PASSWORD_MANAGED_EXTERNALLY: {
    status: 400,
    vi: 'Mật khẩu của bạn do hệ thống thư điện tử công vụ quản lý. Hãy đổi mật khẩu ở hệ thống đó.',
    en: 'Your password is managed by the official mail system. Change it there.',
  },
  DIRECTORY_UNAVAILABLE: {
    status: 503,
    vi: 'Tạm thời không kết nối được hệ thống xác thực của tỉnh. Hãy thử lại sau ít phút.',
    en: 'The province sign-in service is temporarily unreachable. Try again in a few minutes.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn gửi quá nhiều yêu cầu. Hãy đợi một lát rồi thử lại.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  EXPORT_TOO_LARGE: {
    status: 400,
    vi: 'Danh sách quá lớn để xuất một lần. Hãy chọn một đơn vị nhỏ hơn hoặc thêm điều kiện lọc.',
    en: 'The list is too large for one export. Choose a smaller unit or add a filter.',
  },
  EXPORT_BUSY: {
    status: 429,
    vi: 'Bạn đang có nhiều tệp Excel chưa xuất xong. Hãy đợi các tệp đó xong rồi xuất tiếp.',
    en: 'You have several exports still running. Wait for them to finish before starting another.',
  },
  EXPORT_NOT_READY: {
    status: 409,
    vi: 'Tệp Excel chưa xuất xong. Hãy đợi thanh tiến độ đạt 100% rồi tải về.',
    en: 'The export has not finished. Wait for the progress bar to reach 100% and download it then.',
  },
  EXPORT_FAILED: {
    status: 409,
    vi: 'Xuất tệp Excel không thành công. Hãy thử xuất lại.',
    en: 'The export failed. Start it again.',
  },
  IMPORT_FILE_INVALID: {
    status: 400,
    vi: 'Không đọc được tệp nhập. Hãy chọn tệp Excel dạng .xlsx theo tệp mẫu.',
    en: 'The import file could not be read. Choose an .xlsx file that follows the template.',
  },
  IMPORT_BUSY: {
    status: 409,
    vi: 'Tệp này đang được kiểm tra hoặc đang nhập. Hãy đợi thanh tiến độ chạy xong.',
    en: 'This file is being checked or imported. Wait for the progress bar to finish.',
  },
  IMPORT_NOT_CHECKED: {
    status: 409,
    vi: 'Hãy chạy kiểm tra thử với cách ghép cột hiện tại trước khi nhập.',
    en: 'Run the dry run with the current column mapping before importing.',
  },
  RECORD_NOT_APPROVED: {
    status: 409,
    vi: 'Người này chưa có hồ sơ được phê duyệt nên chưa xuất được dữ liệu.',
    en: 'This person has no approved record yet, so there is no data to export.',
  },
  IMPORT_DONE: {
    status: 409,
    vi: 'Tệp này đã được nhập xong. Muốn nhập lại, hãy tải tệp lên lần nữa.',
    en: 'This file has already been imported. Upload it again to import it again.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Hãy thử lại sau ít phút.',
    en: 'The database is temporarily unreachable. Try again in a few minutes.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Đã xảy ra lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên kèm mã yêu cầu.',
    en: 'A system error occurred. Try again; if it persists, report the request id to the administrator.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** One invalid field: its path in the request, its label and what to fix, in Vietnamese. */
export interface FieldError {
  field: string;
  label: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  requestId?: string;
}
