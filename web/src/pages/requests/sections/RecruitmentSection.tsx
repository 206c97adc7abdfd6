import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/errors.ts';
import { DecisionFields, DivisionSelect, useDivisionOptions } from '../form-fields.tsx';
import { previewRecruits, type RecruitmentPreview } from '../requests-api.ts';

type PreviewRow = RecruitmentPreview['rows'][number];

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/**
 * New recruits: names and official e-mails of the recruits, typed or read from an Excel list. The server
 * checks the list first (each row with its errors); only rows without errors go into the request.
 */
export function RecruitmentSection({ agencyId }: { agencyId: number }) {
  const { t } = useTranslation('requests');
  const form = Form.useFormInstance();
  const divisionOptions = useDivisionOptions(agencyId);
  const [preview, setPreview] = useState<RecruitmentPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);

  const runPreview = async (input: Parameters<typeof previewRecruits>[0]) => {
    setChecking(true);
    setCheckError(null);
    try {
      setPreview(await previewRecruits(input));
    } catch (error) {
      setCheckError(describeError(error));
    } finally {
      setChecking(false);
    }
  };

  const checkTyped = () => {
    const rows: Array<{ fullName?: string; email?: string; divisionId?: number }> =
      form.getFieldValue(['details', 'recruits']) ?? [];
    const codeOf = (divisionId?: number) =>
      divisionOptions.find((option) => option.value === divisionId)?.label.split(' ')[0];
    void runPreview({
      agencyId,
      recruits: rows.map((row) => ({
        fullName: row.fullName ?? '',
        email: row.email ?? '',
        ...(row.divisionId ? { divisionCode: codeOf(row.divisionId) } : {}),
      })),
    });
  };

  const takeValidRows = () => {
    if (!preview) return;
    const valid = preview.rows.filter((row) => row.errors.length === 0);
    form.setFieldValue(
      ['details', 'recruits'],
      valid.map((row) => ({
        fullName: row.fullName,
        email: row.email,
        ...(row.divisionId ? { divisionId: row.divisionId } : {}),
      })),
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('form.recruitment.list')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/requests/recruitment-template">
            {t('form.recruitment.template')}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void fileToBase64(file).then((fileBase64) => runPreview({ agencyId, fileBase64 }));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={checking}>
              {t('form.recruitment.upload')}
            </Button>
          </Upload>
          <Button onClick={checkTyped} loading={checking}>
            {t('form.recruitment.check')}
          </Button>
        </Space>
      </Flex>

      {checkError && <Alert type="error" showIcon title={checkError} style={{ marginTop: 12 }} />}
      {preview && <PreviewTable preview={preview} onUseValid={takeValidRows} />}

      <Form.List name={['details', 'recruits']} initialValue={[{}]}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginTop: 12 }}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} wrap align="start">
                <Typography.Text style={{ width: 32, marginTop: 5 }}>{index + 1}.</Typography.Text>
                <Form.Item
                  name={[field.name, 'fullName']}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('form.required', { field: t('form.recruitment.fullName').toLowerCase() }),
                    },
                  ]}
                  style={{ flex: 2, minWidth: 200 }}
                >
                  <Input placeholder={t('form.recruitment.fullName')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'email']}
                  rules={[
                    {
                      required: true,
                      type: 'email',
                      message: t('form.required', { field: t('form.recruitment.email').toLowerCase() }),
                    },
                  ]}
                  style={{ flex: 2, minWidth: 220 }}
                >
                  <Input placeholder={t('form.recruitment.email')} />
                </Form.Item>
                <Form.Item name={[field.name, 'divisionId']} style={{ flex: 2, minWidth: 200 }}>
                  <DivisionSelect agencyId={agencyId} placeholder={t('form.recruitment.division')} />
                </Form.Item>
                <Button
                  aria-label={t('form.remove')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  disabled={fields.length === 1}
                />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'start' }}>
              {t('form.recruitment.addRow')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <DecisionFields />
    </>
  );
}

function PreviewTable({ preview, onUseValid }: { preview: RecruitmentPreview; onUseValid: () => void }) {
  const { t } = useTranslation('requests');
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }}>
      {preview.fileErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('form.recruitment.fileErrors')}
          description={preview.fileErrors.join(' ')}
        />
      )}
      {preview.rows.length > 0 && (
        <>
          <Alert
            type={preview.errorCount > 0 ? 'warning' : 'success'}
            showIcon
            title={t('form.recruitment.summary', { valid: preview.validCount, errors: preview.errorCount })}
            description={preview.errorCount > 0 ? t('form.recruitment.fixFirst') : undefined}
            action={
              preview.validCount > 0 ? (
                <Button size="small" type="primary" onClick={onUseValid}>
                  {t('form.recruitment.useRows')}
                </Button>
              ) : undefined
            }
          />
          <Table<PreviewRow>
            size="small"
            rowKey="rowNumber"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={preview.rows}
            rowClassName={(row) => (row.errors.length > 0 ? 'ant-table-row-error' : '')}
            columns={[
              { title: t('common:table.index'), dataIndex: 'rowNumber', width: 60 },
              { title: t('form.recruitment.fullName'), dataIndex: 'fullName' },
              { title: t('form.recruitment.email'), dataIndex: 'email' },
              { title: t('form.recruitment.divisionCode'), dataIndex: 'divisionCode', width: 120 },
              {
                title: t('form.recruitment.errors'),
                dataIndex: 'errors',
                render: (errors: string[]) =>
                  errors.length ? <Typography.Text type="danger">{errors.join(' ')}</Typography.Text> : '✓',
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
