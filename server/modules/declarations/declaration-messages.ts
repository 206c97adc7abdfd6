import type { DeclarationRow } from './declarations.repository.ts';

const timeFormatter = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export function formatTimeVi(value: Date | string | null): string {
  return value ? timeFormatter.format(new Date(value)) : '';
}

/** Says what happened to a declaration that can no longer be edited or decided, and when. */
export function decidedMessage(
  row: Pick<DeclarationRow, 'status' | 'decided_at' | 'updated_at' | 'return_reason'>,
): string {
  switch (row.status) {
    case 'approved':
      return `Phiếu đã được phê duyệt lúc ${formatTimeVi(row.decided_at)}, không sửa hay xử lý lại được. Nếu cần thay đổi, hãy mở phiếu mới.`;
    case 'returned':
      return `Phiếu đã được trả lại lúc ${formatTimeVi(row.decided_at)} với lý do: ${row.return_reason ?? ''}.`;
    case 'discarded':
      return `Phiếu đã bị hủy lúc ${formatTimeVi(row.updated_at)}. Hãy mở phiếu mới nếu cần kê khai.`;
    case 'submitted':
      return 'Phiếu đã nộp và đang chờ phê duyệt.';
    default:
      return 'Phiếu đang ở trạng thái kê khai, chưa nộp.';
  }
}
