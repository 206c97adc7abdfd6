import { z } from 'zod';
import { isoDate } from './common.ts';

export const exportJobStates = ['queued', 'running', 'done', 'failed'] as const;
export type ExportJobState = (typeof exportJobStates)[number];

/**
 * An Excel export that runs on the server while the client polls it for progress. The file is
 * kept for a limited time and only the account that asked for it may download it.
 */
export const exportJob = z.object({
  id: z.string(),
  state: z.enum(exportJobStates),
  fileName: z.string(),
  rowsDone: z.number(),
  rowsTotal: z.number(),
  /** Vietnamese reason when the export failed. */
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type ExportJob = z.infer<typeof exportJob>;

export const exportJobParams = z.object({ id: z.uuid({ error: 'Mã yêu cầu xuất tệp không hợp lệ.' }) });

/** Export of an agency table's list: the same rows as GET /api/units/:id/people. */
export const unitPeopleExportBody = z.object({
  asOf: isoDate.optional(),
  /** Only the people attached to the unit itself, not to one of its divisions. */
  direct: z.boolean().optional(),
});
