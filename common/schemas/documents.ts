import { z } from 'zod';

/** Sơ yếu lý lịch forms: Mẫu 2C-BNV/2008 and the 2023 form with "Mã số định danh". */
export const cvFormats = ['docx', 'pdf'] as const;
export const cvSources = ['record', 'draft'] as const;

export const cvQuery = z.object({
  form: z.enum(['2c', '2023'], { error: 'Mẫu chỉ nhận 2c (Mẫu 2C-BNV/2008) hoặc 2023.' }).default('2c'),
  format: z.enum(cvFormats, { error: 'Định dạng chỉ nhận docx hoặc pdf.' }).default('docx'),
  /**
   * record: the approved record; draft: the open declaration, marked "BẢN NHÁP". Without it the
   * approved record is used when there is one, else the open declaration.
   */
  source: z
    .enum(cvSources, { error: 'Nguồn chỉ nhận record (hồ sơ đã phê duyệt) hoặc draft (phiếu đang kê khai).' })
    .optional(),
});
export type CvQuery = z.infer<typeof cvQuery>;

/** Sơ yếu lý lịch of everyone in a unit, as one .zip of Word files built in the background. */
export const cvArchiveBody = z.object({
  form: z.enum(['2c', '2023'], { error: 'Mẫu chỉ nhận 2c (Mẫu 2C-BNV/2008) hoặc 2023.' }).default('2c'),
});
export type CvArchiveBody = z.infer<typeof cvArchiveBody>;
