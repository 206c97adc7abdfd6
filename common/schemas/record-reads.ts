import { z } from 'zod';

/** One opening of a person's full record, as the person sees it in "Ai đã xem hồ sơ của tôi". */
export const recordRead = z.object({
  readAt: z.string(),
  readerName: z.string(),
  readerEmail: z.string(),
  /** The person opened their own record. */
  self: z.boolean(),
});
export const recordReadsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const recordReads = z.array(recordRead);
