import type { Response } from 'express';
import type { RefusalReason } from '../metrics/metrics';

/** Answers a request the service will not serve, counting the refusal by reason (null: not a refusal). */
export type Refuse = (
  res: Response,
  reason: RefusalReason | null,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
) => void;
