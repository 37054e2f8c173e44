import { hash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

/** The fields covered by an entry's hash, in a fixed order. */
export type ChainFields = {
  tenantId: string;
  seq: number;
  at: string; // ISO-8601 with milliseconds, UTC
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
};

const SEP = '\u001f';

export function entryHash(f: ChainFields): string {
  const text = [
    f.tenantId,
    f.seq,
    f.at,
    f.actorUserId ?? '',
    f.actorLabel ?? '',
    f.action,
    f.entity,
    f.entityId ?? '',
    f.before ?? '',
    f.after ?? '',
    f.requestId ?? '',
    f.ip ?? '',
    f.prevHash,
  ].join(SEP);
  return hash('sha256', text, 'hex');
}
