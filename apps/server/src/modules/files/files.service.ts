import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.js';
import { files } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context/actor.js';
import { requireAny } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { DecryptionError, IntegrityError, UploadRejected, type FileService } from '../../platform/files/index.js';

export type FileMeta = { id: string; name: string; size: number; mime: string; sha256: string; classified: boolean; createdAt: string };

const dto = (f: typeof files.$inferSelect): FileMeta => ({
  id: f.id,
  name: f.name,
  size: f.size,
  mime: f.mime,
  sha256: f.sha256,
  classified: f.classified,
  createdAt: f.createdAt.toISOString(),
});

/** Attachments: content sniffed and hashed, classified ones encrypted at rest. */
export class AttachmentService {
  constructor(
    private readonly deps: AppDeps,
    private readonly store: FileService,
  ) {}

  async upload(actor: Actor, name: string, data: Buffer, classified: boolean): Promise<FileMeta> {
    requireAny(actor, 'files.upload');
    if (classified) requireAny(actor, 'files.classified');
    let stored;
    try {
      stored = await this.store.store(data, { classified, filename: name, maxBytes: this.deps.env.MAX_UPLOAD_MB * 1024 * 1024 });
    } catch (e) {
      if (e instanceof UploadRejected) throw new AppError(e.statusCode, e.key, [{ field: 'file', key: e.key }]);
      throw e;
    }
    const safeName = name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `berkas.${stored.ext}`;
    return this.deps.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(files)
        .values({
          tenantId: actor.tenantId,
          name: safeName,
          mime: stored.mime,
          size: stored.size,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          encrypted: stored.encrypted,
          classified,
          uploadedBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, actor, { action: 'upload', entity: 'file', entityId: row.id, after: dto(row) });
      return dto(row);
    });
  }

  async download(actor: Actor, id: string) {
    requireAny(actor, 'files.read');
    const [row] = await this.deps.database.db
      .select()
      .from(files)
      .where(and(eq(files.tenantId, actor.tenantId), eq(files.id, id), isNull(files.deletedAt)));
    if (!row) throw notFound();
    if (row.classified) {
      requireAny(actor, 'files.classified');
    }
    try {
      const data = await this.store.read(row.storageKey, { encrypted: row.encrypted, sha256: row.sha256 });
      return { meta: dto(row), data };
    } catch (e) {
      if (e instanceof IntegrityError) throw new AppError(409, 'file.integrity_failed');
      if (e instanceof DecryptionError) throw new AppError(409, 'file.decrypt_failed');
      throw e;
    }
  }

  /** Guard for modules that attach files to their records. */
  async assertVisible(actor: Actor, id: string) {
    const [row] = await this.deps.database.db.select({ id: files.id }).from(files).where(and(eq(files.tenantId, actor.tenantId), eq(files.id, id)));
    if (!row) throw forbidden();
  }
}
