import { z } from 'zod';

/** A calendar date written as YYYY-MM-DD that exists in the calendar. */
export const isoDate = z.iso.date({ error: 'Ngày phải có dạng năm-tháng-ngày (YYYY-MM-DD) và có thật.' });

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const okResponse = z.object({ ok: z.literal(true) });

export const errorResponse = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), label: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
