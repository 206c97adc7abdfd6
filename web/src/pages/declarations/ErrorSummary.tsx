import { Alert, Button, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../common/error-codes.ts';

/** Lists every field error with the field's name; a click opens its tab and scrolls to it. */
export function ErrorSummary({
  errors,
  onShow,
}: {
  errors: readonly FieldError[];
  onShow: (field: string) => void;
}) {
  const { t } = useTranslation('declarations');
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-summary"
      title={t('errors.summaryTitle', { count: errors.length })}
      description={
        <List
          size="small"
          dataSource={[...errors]}
          renderItem={(error) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onShow(error.field)}
              >
                <strong>{error.label}:</strong>&nbsp;{error.message}
              </Button>
            </List.Item>
          )}
        />
      }
    />
  );
}
