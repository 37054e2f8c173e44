// zod contracts of the secops module: the electronic-system security cycle (D13) and the
// security operations centre (D14), JBI-35 Pasal 15, 16 and 18.
import { z } from 'zod';

const text = (max = 500) => z.string().trim().max(max);
const optText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v == null ? null : v));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'secops.invalid_date');
const optDate = isoDate.nullish().transform((v) => v ?? null);
const optUuid = z.uuid().nullish().transform((v) => v ?? null);
const count = z.number().int().min(0).max(100_000_000);

/** What an activity is about: an application, a server/network device, or an infrastructure area (P15). */
export const secopsTargetKinds = ['application', 'device', 'area'] as const;
/** JBI-35 P15 huruf a–b: data, and the infrastructure areas. */
export const secopsAreas = ['pusat_data', 'jaringan_intra', 'penghubung_spbe', 'data'] as const;
/** JBI-35 P16 ayat (1): the functions of the security cycle (penanggulangan and pemulihan apart). */
export const secopsFunctions = ['identifikasi', 'deteksi', 'proteksi', 'penanggulangan', 'pemulihan'] as const;
export const secopsActivityKinds = [
  'vulnerability_assessment',
  'penetration_test',
  'risk_analysis',
  'hardening',
  'backup_restore_test',
  'monitoring_review',
  'incident_drill',
  'configuration_review',
  'other',
] as const;
export const secopsExecutors = ['internal', 'third_party'] as const;
export const secopsSeverities = ['kritis', 'tinggi', 'sedang', 'rendah', 'info'] as const;
/** terbuka → diperbaiki → diverifikasi, or diterima (risk accepted, with a reason). */
export const secopsFindingStatuses = ['terbuka', 'diperbaiki', 'diverifikasi', 'diterima'] as const;
export const socRoles = ['analyst', 'responder', 'coordinator'] as const;

export type TSecopsArea = (typeof secopsAreas)[number];
export type TSecopsFunction = (typeof secopsFunctions)[number];

// ---------------------------------------------------------------- D13 activities
export const ZSecopsTarget = z.object({
  targetKind: z.enum(secopsTargetKinds),
  applicationId: optUuid,
  deviceId: optUuid,
  area: z.enum(secopsAreas).nullish().transform((v) => v ?? null),
});

export const ZSecopsActivityInput = ZSecopsTarget.extend({
  function: z.enum(secopsFunctions),
  kind: z.enum(secopsActivityKinds),
  title: optText(300),
  performedOn: isoDate,
  executor: z.enum(secopsExecutors),
  executorName: optText(300),
  scope: text(4000).default(''),
  result: text(8000).default(''),
  reportFileId: optUuid,
});
export type TSecopsActivityInput = z.infer<typeof ZSecopsActivityInput>;

export const ZSecopsFindingInput = z.object({
  title: text(300).min(3),
  description: text(8000).default(''),
  severity: z.enum(secopsSeverities),
  ownerPersonId: optUuid,
  ownerText: optText(300),
  dueDate: optDate,
});
export type TSecopsFindingInput = z.infer<typeof ZSecopsFindingInput>;

export const ZSecopsFindingStatusInput = z.object({
  status: z.enum(secopsFindingStatuses),
  /** The day the finding was fixed / verified / accepted (defaults to today). */
  date: optDate,
  /** Required when accepting a finding (risk acceptance). */
  reason: optText(2000),
  note: optText(2000),
});
export type TSecopsFindingStatusInput = z.infer<typeof ZSecopsFindingStatusInput>;

export const ZSecopsFinding = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(secopsSeverities),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerText: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(secopsFindingStatuses),
  fixedOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  acceptedReason: z.string().nullable(),
  statusNote: z.string().nullable(),
  /** Open (terbuka) past its due date. */
  overdue: z.boolean(),
  targetLabel: z.string(),
  activityFunction: z.enum(secopsFunctions),
  activityKind: z.enum(secopsActivityKinds),
  performedOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSecopsFinding = z.infer<typeof ZSecopsFinding>;

export const ZSecopsActivity = z.object({
  id: z.uuid(),
  targetKind: z.enum(secopsTargetKinds),
  applicationId: z.string().nullable(),
  deviceId: z.string().nullable(),
  area: z.enum(secopsAreas).nullable(),
  targetLabel: z.string(),
  opdId: z.string().nullable(),
  opdName: z.string().nullable(),
  function: z.enum(secopsFunctions),
  kind: z.enum(secopsActivityKinds),
  title: z.string().nullable(),
  performedOn: z.string(),
  executor: z.enum(secopsExecutors),
  executorName: z.string().nullable(),
  scope: z.string(),
  result: z.string(),
  reportFileId: z.string().nullable(),
  openFindings: z.number().int(),
  findings: z.array(ZSecopsFinding).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSecopsActivity = z.infer<typeof ZSecopsActivity>;

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');
export const ZSecopsActivityQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  q: z.string().max(200).optional(),
  function: z.enum(secopsFunctions).optional(),
  targetKind: z.enum(secopsTargetKinds).optional(),
  applicationId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
  area: z.enum(secopsAreas).optional(),
});
export type TSecopsActivityQuery = z.infer<typeof ZSecopsActivityQuery>;

export const ZSecopsFindingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  q: z.string().max(200).optional(),
  status: z.enum(secopsFindingStatuses).optional(),
  severity: z.enum(secopsSeverities).optional(),
  /** Only open findings past their due date. */
  overdue: flag,
  /** Only findings still to be handled (terbuka or diperbaiki). */
  open: flag,
});
export type TSecopsFindingQuery = z.infer<typeof ZSecopsFindingQuery>;

/** One row of the assurance overview: a target and, per function, the last activity and open findings. */
export const ZSecopsOverviewRow = z.object({
  targetKind: z.enum(secopsTargetKinds),
  targetId: z.string(),
  label: z.string(),
  opdName: z.string().nullable(),
  /** Application category (rendah/tinggi/strategis) when categorized. */
  category: z.string().nullable(),
  functions: z.array(
    z.object({
      function: z.enum(secopsFunctions),
      lastDate: z.string().nullable(),
      /** Nothing in the last 12 months. */
      gap: z.boolean(),
    }),
  ),
  openFindings: z.number().int(),
  overdueFindings: z.number().int(),
  gaps: z.number().int(),
});
export const ZSecopsOverview = z.object({ asOf: z.string(), since: z.string(), rows: z.array(ZSecopsOverviewRow) });
export type TSecopsOverview = z.infer<typeof ZSecopsOverview>;

export const ZSecopsTargetOption = z.object({
  targetKind: z.enum(secopsTargetKinds),
  id: z.string(),
  label: z.string(),
  opdName: z.string().nullable(),
});

// ---------------------------------------------------------------- D14 SOC
export const ZSocPersonInput = z.object({ personId: z.uuid(), role: z.enum(socRoles) });
export const ZSocProcessInput = z.object({ number: text(100).min(1), title: text(300).min(1) });
export const ZSocToolInput = z.object({ name: text(200).min(1), purpose: text(500).min(1) });
export const ZSocProfileInput = z.object({
  name: text(300).min(3),
  decreeNumber: optText(200),
  decreeDate: optDate,
  decreeFileId: optUuid,
  operatingHours: text(300).min(1),
  people: z.array(ZSocPersonInput).max(100).default([]),
  processes: z.array(ZSocProcessInput).max(100).default([]),
  tools: z.array(ZSocToolInput).max(100).default([]),
});
export type TSocProfileInput = z.infer<typeof ZSocProfileInput>;
export const ZSocProfile = z.object({
  id: z.uuid(),
  name: z.string(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  decreeFileId: z.string().nullable(),
  operatingHours: z.string(),
  people: z.array(z.object({ personId: z.string(), role: z.enum(socRoles), name: z.string().nullable(), opdName: z.string().nullable() })),
  processes: z.array(z.object({ number: z.string(), title: z.string() })),
  tools: z.array(z.object({ name: z.string(), purpose: z.string() })),
  updatedAt: z.string(),
});
export type TSocProfile = z.infer<typeof ZSocProfile>;

export const ZSocCoverageInput = z.object({
  targetKind: z.enum(['application', 'device']),
  applicationId: optUuid,
  deviceId: optUuid,
  tool: text(200).min(1),
  notes: optText(1000),
});
export type TSocCoverageInput = z.infer<typeof ZSocCoverageInput>;
export const ZSocCoverage = z.object({
  id: z.uuid(),
  targetKind: z.enum(['application', 'device']),
  applicationId: z.string().nullable(),
  deviceId: z.string().nullable(),
  targetLabel: z.string(),
  opdName: z.string().nullable(),
  tool: z.string(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type TSocCoverage = z.infer<typeof ZSocCoverage>;

export const ZSocReportInput = z.object({
  periodStart: isoDate,
  periodEnd: isoDate,
  eventsObserved: count,
  alertsEscalated: count,
  incidentsRaised: count,
  incidentsNote: optText(2000),
  notes: text(8000).default(''),
  fileId: optUuid,
});
export type TSocReportInput = z.infer<typeof ZSocReportInput>;
export const ZSocReport = z.object({
  id: z.uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  eventsObserved: z.number().int(),
  alertsEscalated: z.number().int(),
  incidentsRaised: z.number().int(),
  incidentsNote: z.string().nullable(),
  notes: z.string(),
  fileId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSocReport = z.infer<typeof ZSocReport>;
