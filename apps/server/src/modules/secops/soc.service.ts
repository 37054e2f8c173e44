import type { TSocCoverage, TSocCoverageInput, TSocProfile, TSocProfileInput, TSocReport, TSocReportInput } from '@persada/shared';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.js';
import { tenants, type secopsReports, type secopsSocProfiles } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/context/actor.js';
import { CONTENT_TYPES, formatAngka, letterheadFromTenant, renderOfficialPdf, type OfficialDocument, type RenderedFile } from '../../platform/documents/index.js';
import { renderXlsx } from '../../platform/documents/index.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { secopsPolicy as policy } from './secops.policy.js';
import * as repo from './secops.repo.js';

type ProfileRow = typeof secopsSocProfiles.$inferSelect;
type ReportRow = typeof secopsReports.$inferSelect;

const ROLE_ID: Record<string, string> = { analyst: 'Analis', responder: 'Penanggap (responder)', coordinator: 'Koordinator' };

export function reportDto(r: ReportRow): TSocReport {
  return {
    id: r.id,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    eventsObserved: r.eventsObserved,
    alertsEscalated: r.alertsEscalated,
    incidentsRaised: r.incidentsRaised,
    incidentsNote: r.incidentsNote,
    notes: r.notes,
    fileId: r.fileId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** "2026-07-01" → "1 Juli 2026". */
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
export const tanggal = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${BULAN[m - 1]} ${y}`;
};

/** D14: the SOC profile (people, process, technology), monitoring coverage and periodic monitoring reports. */
export class SocService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  private async profileDto(p: ProfileRow): Promise<TSocProfile> {
    const ppl = new Map((await repo.peopleByIds(this.db, p.tenantId, [...new Set(p.people.map((x) => x.personId))])).map((x) => [x.id, x]));
    return {
      id: p.id,
      name: p.name,
      decreeNumber: p.decreeNumber,
      decreeDate: p.decreeDate,
      decreeFileId: p.decreeFileId,
      operatingHours: p.operatingHours,
      people: p.people.map((x) => ({ ...x, name: ppl.get(x.personId)?.fullName ?? null, opdName: ppl.get(x.personId)?.opdName ?? null })),
      processes: p.processes,
      tools: p.tools,
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  async getProfile(actor: Actor): Promise<TSocProfile | null> {
    policy.readTenant(actor);
    const p = await repo.getSoc(this.db, actor.tenantId);
    return p ? this.profileDto(p) : null;
  }

  async setProfile(actor: Actor, input: TSocProfileInput) {
    policy.manage(actor);
    const ids = [...new Set(input.people.map((p) => p.personId))];
    const found = new Set((await repo.peopleByIds(this.db, actor.tenantId, ids)).map((p) => p.id));
    input.people.forEach((p, i) => {
      if (!found.has(p.personId)) throw invalid('secops.person_unknown', `people.${i}.personId`);
    });
    const keys = input.people.map((p) => `${p.personId}|${p.role}`);
    if (new Set(keys).size !== keys.length) throw invalid('secops.soc_person_duplicate', 'people');
    if (input.decreeFileId && !(await repo.fileExists(this.db, actor.tenantId, input.decreeFileId))) throw invalid('secops.file_unknown', 'decreeFileId');
    const before = await repo.getSoc(this.db, actor.tenantId);
    const row = await this.db.transaction(async (tx) => {
      const r = await repo.upsertSoc(tx, actor.tenantId, input);
      await recordAudit(tx, actor, { action: before ? 'update' : 'create', entity: 'secops_soc_profile', entityId: r.id, before: before ?? null, after: r });
      return r;
    });
    return this.profileDto(row);
  }

  // ---------------------------------------------------------------- coverage
  private coverageDto(r: Awaited<ReturnType<typeof repo.getCoverage>> & {}): TSocCoverage {
    const c = r.coverage;
    return {
      id: c.id,
      targetKind: c.targetKind,
      applicationId: c.applicationId,
      deviceId: c.deviceId,
      targetLabel: r.appName ?? r.deviceName ?? '—',
      opdName: r.opdName,
      tool: c.tool,
      notes: c.notes,
      createdAt: c.createdAt.toISOString(),
    };
  }
  async listCoverage(actor: Actor) {
    policy.read(actor);
    return (await repo.listCoverage(this.db, actor.tenantId, policy.scope(actor))).map((r) => this.coverageDto(r));
  }
  async addCoverage(actor: Actor, input: TSocCoverageInput) {
    policy.manage(actor);
    let target: { id: string; opdId: string } | undefined;
    if (input.targetKind === 'application') {
      if (!input.applicationId) throw invalid('secops.target_required', 'applicationId');
      target = await repo.application(this.db, actor.tenantId, input.applicationId);
      if (!target) throw invalid('secops.application_unknown', 'applicationId');
    } else {
      if (!input.deviceId) throw invalid('secops.target_required', 'deviceId');
      target = await repo.device(this.db, actor.tenantId, input.deviceId);
      if (!target) throw invalid('secops.device_unknown', 'deviceId');
    }
    if (await repo.coverageExists(this.db, actor.tenantId, target.id, input.tool)) throw new AppError(409, 'secops.coverage_duplicate', [{ field: 'tool', key: 'secops.coverage_duplicate' }]);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertCoverage(tx, {
        tenantId: actor.tenantId,
        targetKind: input.targetKind,
        applicationId: input.targetKind === 'application' ? target.id : null,
        deviceId: input.targetKind === 'device' ? target.id : null,
        opdId: target.opdId,
        tool: input.tool,
        notes: input.notes,
      });
      await recordAudit(tx, actor, { action: 'create', entity: 'secops_coverage', entityId: row.id, after: row });
      return this.coverageDto((await repo.getCoverage(tx, actor.tenantId, row.id))!);
    });
  }
  async removeCoverage(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getCoverage(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    await this.db.transaction(async (tx) => {
      await repo.deleteCoverage(tx, actor.tenantId, id);
      await recordAudit(tx, actor, { action: 'delete', entity: 'secops_coverage', entityId: id, before: before.coverage });
    });
  }

  // ---------------------------------------------------------------- reports
  private async checkReport(actor: Actor, input: TSocReportInput) {
    if (input.periodEnd < input.periodStart) throw invalid('secops.period_order', 'periodEnd');
    if (input.alertsEscalated > input.eventsObserved) throw invalid('secops.alerts_exceed_events', 'alertsEscalated');
    if (input.fileId && !(await repo.fileExists(this.db, actor.tenantId, input.fileId))) throw invalid('secops.file_unknown', 'fileId');
  }
  async listReports(actor: Actor) {
    policy.readTenant(actor);
    return (await repo.listReports(this.db, actor.tenantId)).map(reportDto);
  }
  async getReport(actor: Actor, id: string) {
    policy.readTenant(actor);
    const r = await repo.getReport(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    return reportDto(r);
  }
  async createReport(actor: Actor, input: TSocReportInput) {
    policy.manage(actor);
    await this.checkReport(actor, input);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertReport(tx, { ...input, tenantId: actor.tenantId });
      await recordAudit(tx, actor, { action: 'create', entity: 'secops_report', entityId: row.id, after: row });
      return reportDto(row);
    });
  }
  async updateReport(actor: Actor, id: string, input: TSocReportInput) {
    policy.manage(actor);
    const before = await repo.getReport(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    await this.checkReport(actor, input);
    return this.db.transaction(async (tx) => {
      const row = await repo.updateReport(tx, actor.tenantId, id, input);
      await recordAudit(tx, actor, { action: 'update', entity: 'secops_report', entityId: id, before, after: row });
      return reportDto(row);
    });
  }
  async deleteReport(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getReport(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    await this.db.transaction(async (tx) => {
      const row = await repo.updateReport(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'secops_report', entityId: id, before, after: row });
    });
  }

  /** One monitoring report as an official PDF (kop surat) or an Excel sheet. */
  async reportDocument(actor: Actor, id: string, format: 'pdf' | 'xlsx'): Promise<RenderedFile> {
    const r = await this.getReport(actor, id);
    const profile = await repo.getSoc(this.db, actor.tenantId);
    const coverage = await repo.listCoverage(this.db, actor.tenantId, 'all');
    const period = `${tanggal(r.periodStart)} s.d. ${tanggal(r.periodEnd)}`;
    const lines: [string, string][] = [
      ['Pusat operasi keamanan', profile?.name ?? '-'],
      ['Periode', period],
      ['Kejadian yang teramati', formatAngka(r.eventsObserved)],
      ['Peringatan yang dieskalasi', formatAngka(r.alertsEscalated)],
      ['Insiden yang diajukan', formatAngka(r.incidentsRaised)],
      ['Keterangan insiden', r.incidentsNote ?? '-'],
      ['Catatan', r.notes || '-'],
      ['Cakupan pemantauan', coverage.length ? coverage.map((c) => `${c.appName ?? c.deviceName} (${c.coverage.tool})`).join('; ') : '-'],
    ];
    const filename = `laporan-pemantauan-${r.periodStart}-${r.periodEnd}.${format}`;
    if (format === 'xlsx') {
      const body = await renderXlsx({
        title: 'Laporan Pemantauan Pusat Operasi Keamanan Informasi',
        subtitle: `Periode ${period}`,
        columns: [
          { key: 'item', header: 'Uraian', width: 32 },
          { key: 'value', header: 'Isi', width: 80 },
        ],
        rows: lines.map(([item, value]) => ({ item, value })),
      });
      return { body, contentType: CONTENT_TYPES.xlsx, filename };
    }
    const [t] = await this.db.select().from(tenants).where(eq(tenants.id, actor.tenantId));
    const doc: OfficialDocument = {
      letterhead: letterheadFromTenant({ name: t.name, level: t.level, dinasName: t.dinasName, address: t.address, phone: t.phone, email: t.email, domain: t.domain }),
      title: 'LAPORAN PEMANTAUAN PUSAT OPERASI KEAMANAN INFORMASI',
      subtitle: `Periode ${period}`,
      table: {
        columns: [
          { header: 'No', width: 0.5, align: 'center' },
          { header: 'Uraian', width: 3 },
          { header: 'Isi', width: 6 },
        ],
        rows: lines.map(([item, value], i) => [String(i + 1), item, value]),
      },
      date: new Date(),
    };
    return { body: await renderOfficialPdf(doc), contentType: CONTENT_TYPES.pdf, filename };
  }

  static roleLabel(role: string) {
    return ROLE_ID[role] ?? role;
  }
}
