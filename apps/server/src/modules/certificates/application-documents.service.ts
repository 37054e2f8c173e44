import {
  requiredDocuments,
  type TAttachDocumentInput,
} from '@persada/shared';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { DecryptionError, IntegrityError, UploadRejected } from '../../platform/files/index.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { ApplicationsBase, editable, validation } from './applications.base.js';

/** Classified application documents: upload, attach, download (K5). */
export class ApplicationDocumentsService extends ApplicationsBase {
  /** Stores an uploaded document encrypted at rest (classified), owned by the uploader. */
  async upload(actor: Actor, name: string, data: Buffer) {
    policy.apply(actor);
    let stored;
    try {
      stored = await this.ctx.fileStore.store(data, {
        classified: true,
        filename: name,
        maxBytes: this.ctx.deps.env.MAX_UPLOAD_MB * 1024 * 1024,
      });
    } catch (e) {
      if (e instanceof UploadRejected) throw new AppError(e.statusCode, e.key as any, [{ field: 'file', key: e.key as any }]);
      throw e;
    }
    const safeName = name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `berkas.${stored.ext}`;
    return this.db.transaction(async (tx) => {
      const row = await repo.insertFile(tx, {
        tenantId: actor.tenantId,
        name: safeName,
        mime: stored.mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        encrypted: stored.encrypted,
        classified: true,
        uploadedBy: actor.userId,
        meta: { module: 'certificates' },
      });
      await recordAudit(tx, actor, {
        action: 'upload',
        entity: 'file',
        entityId: row.id,
        after: {
          name: row.name,
          size: row.size,
          sha256: row.sha256,
          classified: true,
        },
      });
      return {
        id: row.id,
        name: row.name,
        size: row.size,
        mime: row.mime,
        sha256: row.sha256,
      };
    });
  }

  /** Checks a file id was uploaded by the actor (they cannot attach someone else's file). */
  async ownFile(actor: Actor, fileId: string) {
    const f = await repo.getFile(this.db, actor.tenantId, fileId);
    if (!f || f.uploadedBy !== actor.userId) throw validation('fileId', 'certificates.file_not_yours');
    return f;
  }

  async attach(actor: Actor, id: string, input: TAttachDocumentInput) {
    policy.apply(actor);
    const { app } = await this.load(actor, id);
    if (!this.mayEdit(actor, app)) throw forbidden();
    if (!editable(app.status)) throw new AppError(409, 'certificates.not_editable');
    if (!requiredDocuments[app.kind].includes(input.requirement)) throw validation('requirement', 'certificates.document_not_required');
    await this.ownFile(actor, input.fileId);
    await this.db.transaction(async (tx) => {
      await repo.replaceAppFile(tx, actor.tenantId, id, input.requirement);
      const row = await repo.insertAppFile(tx, {
        tenantId: actor.tenantId,
        applicationId: id,
        requirement: input.requirement,
        fileId: input.fileId,
        revision: app.status === 'rejected' ? app.revision + 1 : app.revision,
      });
      await recordAudit(tx, actor, {
        action: 'attach',
        entity: 'cert_application',
        entityId: id,
        after: row,
      });
    });
    return this.get(actor, id);
  }

  async downloadFile(actor: Actor, linkId: string) {
    policy.apply(actor);
    const link = await repo.getAppFile(this.db, actor.tenantId, linkId);
    if (!link) throw notFound();
    const { app } = await this.load(actor, link.applicationId);
    if (!this.mayEdit(actor, app) && !policy.isVerifier(actor) && !policy.isDinas(actor)) throw forbidden();
    const f = await repo.getFile(this.db, actor.tenantId, link.fileId);
    if (!f) throw notFound();
    try {
      const data = await this.ctx.fileStore.read(f.storageKey, {
        encrypted: f.encrypted,
        sha256: f.sha256,
      });
      await this.db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'download',
          entity: 'file',
          entityId: f.id,
          after: { applicationId: app.id, requirement: link.requirement },
        }),
      );
      return { name: f.name, mime: f.mime, sha256: f.sha256, data };
    } catch (e) {
      if (e instanceof IntegrityError) throw new AppError(409, 'file.integrity_failed');
      if (e instanceof DecryptionError) throw new AppError(409, 'file.decrypt_failed');
      throw e;
    }
  }
}
