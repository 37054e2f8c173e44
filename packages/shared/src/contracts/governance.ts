// zod contracts of the governance module (shared by the API and the web app).
import { z } from 'zod';

const text = (max = 500) => z.string().trim().max(max);
const optText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v == null ? null : v));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'governance.invalid_date');
const optDate = isoDate.nullish().transform((v) => v ?? null);
const optUuid = z.uuid().nullish().transform((v) => v ?? null);
const list = (max = 500) => z.array(text(max).min(1)).max(100).default([]);

/** A generic link to a record of another module (risk, obligation …), kept as entity + id + label. */
export const ZGovLink = z.object({ entity: text(40).min(1), id: optUuid, label: text(300).min(1) });
export type TGovLink = z.infer<typeof ZGovLink>;

// ---------------------------------------------------------------- B1 Renstra
export const ZPlanActivity = z.object({
  name: text(300).min(1),
  /** Target of each of the 5 years, in order. */
  yearlyTargets: z.array(text(300)).length(5),
});
export const ZPlanProgram = z.object({ name: text(300).min(1), activities: z.array(ZPlanActivity).max(50).default([]) });
export const ZPlanGoal = z.object({ goal: text(500).min(1), targets: list() });
export const ZRoadmapYear = z.object({ year: z.number().int(), milestones: text(2000) });
export const ZStrategicPlanInput = z
  .object({
    title: text(300).min(3),
    startYear: z.number().int().min(2000).max(2100),
    rpjmdReference: optText(500),
    goals: z.array(ZPlanGoal).max(30).default([]),
    programs: z.array(ZPlanProgram).max(50).default([]),
    roadmap: z.array(ZRoadmapYear).max(5).default([]),
    bssnConsultationDate: optDate,
    bssnConsultationNotes: optText(4000),
    bssnConsultationFileId: optUuid,
    decreeNumber: optText(200),
    decreeDate: optDate,
    decreeFileId: optUuid,
  });
export type TStrategicPlanInput = z.infer<typeof ZStrategicPlanInput>;
export const ZStrategicPlan = z.object({
  title: z.string(),
  startYear: z.number().int(),
  rpjmdReference: z.string().nullable(),
  goals: z.array(z.object({ goal: z.string(), targets: z.array(z.string()) })),
  programs: z.array(z.object({ name: z.string(), activities: z.array(z.object({ name: z.string(), yearlyTargets: z.array(z.string()) })) })),
  roadmap: z.array(z.object({ year: z.number().int(), milestones: z.string() })),
  bssnConsultationDate: z.string().nullable(),
  bssnConsultationNotes: z.string().nullable(),
  bssnConsultationFileId: z.string().nullable(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  decreeFileId: z.string().nullable(),
  id: z.uuid(),
  endYear: z.number().int(),
  valid: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TStrategicPlan = z.infer<typeof ZStrategicPlan>;

// ---------------------------------------------------------------- B2 Arsitektur
export const evaluationKinds = ['midterm', 'final', 'adhoc'] as const;
export const ZArchitectureInput = z.object({
  title: text(300).min(3),
  infrastructure: text(8000).default(''),
  deviceNetworkDesign: text(8000).default(''),
  securityApplications: text(8000).default(''),
  decreeNumber: optText(200),
  decreeDate: optDate,
  decreeFileId: optUuid,
  /** Start of the 5-year validity (defaults to the decree date). */
  validFrom: isoDate,
});
export type TArchitectureInput = z.infer<typeof ZArchitectureInput>;
export const ZArchitectureEvaluation = z.object({
  kind: z.enum(evaluationKinds),
  dueDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  notes: z.string().nullable(),
  fileId: z.string().nullable(),
});
export const ZArchitecture = z.object({
  title: z.string(),
  infrastructure: z.string(),
  deviceNetworkDesign: z.string(),
  securityApplications: z.string(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  decreeFileId: z.string().nullable(),
  validFrom: z.string(),
  id: z.uuid(),
  validUntil: z.string(),
  valid: z.boolean(),
  evaluations: z.array(ZArchitectureEvaluation),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TArchitecture = z.infer<typeof ZArchitecture>;
export const ZEvaluationInput = z.object({
  kind: z.enum(evaluationKinds),
  doneDate: isoDate,
  notes: optText(4000),
  fileId: optUuid,
});
export type TEvaluationInput = z.infer<typeof ZEvaluationInput>;

// ---------------------------------------------------------------- B3 / B7 rules and control procedures
export const controlKinds = ['rule', 'procedure'] as const;
export const instrumentTypes = ['keputusan_walikota', 'surat_edaran_sekda', 'kebijakan_teknis', 'peraturan_walikota'] as const;
export const opdStatuses = ['not_started', 'in_progress', 'applied'] as const;
export const ZControlInput = z.object({
  description: optText(4000),
  instrumentType: z.enum(instrumentTypes).nullish().transform((v) => v ?? null),
  instrumentNumber: optText(200),
  instrumentDate: optDate,
  instrumentFileId: optUuid,
  links: z.array(ZGovLink).max(50).default([]),
});
export type TControlInput = z.infer<typeof ZControlInput>;
export const ZControlOpdStatus = z.object({
  opdId: z.uuid(),
  opdName: z.string(),
  status: z.enum(opdStatuses),
  evidenceFileIds: z.array(z.string()),
  notes: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZControl = z.object({
  description: z.string().nullable(),
  instrumentType: z.enum(instrumentTypes).nullable(),
  instrumentNumber: z.string().nullable(),
  instrumentDate: z.string().nullable(),
  instrumentFileId: z.string().nullable(),
  links: z.array(z.object({ entity: z.string(), id: z.string().nullable(), label: z.string() })),
  id: z.uuid(),
  kind: z.enum(controlKinds),
  code: z.string(),
  title: z.string(),
  legalRef: z.string(),
  opdStatuses: z.array(ZControlOpdStatus),
  appliedCount: z.number().int(),
  opdCount: z.number().int(),
});
export type TControl = z.infer<typeof ZControl>;
export const ZControlStatusInput = z.object({
  opdId: z.uuid(),
  status: z.enum(opdStatuses),
  evidenceFileIds: z.array(z.uuid()).max(20).default([]),
  notes: optText(2000),
});
export type TControlStatusInput = z.infer<typeof ZControlStatusInput>;

// ---------------------------------------------------------------- B4 / B10 policy documents
/** `national_regulation`: the laws and regulations the Pemda's work rests on (the report's legal basis list). */
export const policyKinds = ['internal_policy', 'regulation', 'technical_policy', 'sop_set', 'national_regulation', 'other'] as const;
export const policyStatuses = ['draft', 'review', 'approved', 'in_force', 'superseded'] as const;
export const policyScopes = ['data', 'applications', 'infrastructure'] as const;
/** What every SPBE asset is assured for (MJK-40 Pasal 5 ayat (2), JBI-35 Pasal 15). */
export const policyAssurances = ['confidentiality', 'integrity', 'availability', 'authenticity', 'non_repudiation'] as const;
/** The elements of the SPBE internal policy (MJK-40 P4). */
export const internalPolicyElements = [
  'scope',
  'responsible',
  'planning',
  'operational_support',
  'performance_evaluation',
  'continuous_improvement',
  'risk_management',
  'control_procedures',
  'third_party',
] as const;
export const ZPolicyInput = z.object({
  kind: z.enum(policyKinds),
  title: text(400).min(3),
  number: optText(200),
  legalForm: optText(200),
  scopes: z.array(z.enum(policyScopes)).max(3).default([]),
  scopeText: optText(4000),
  legalBasis: list(),
  elements: z.array(z.enum(internalPolicyElements)).max(9).default([]),
  assurances: z.array(z.enum(policyAssurances)).max(5).default([]),
  effectiveDate: optDate,
  fileId: optUuid,
  notes: optText(4000),
});
export type TPolicyInput = z.infer<typeof ZPolicyInput>;
export const ZPolicy = z.object({
  kind: z.enum(policyKinds),
  title: z.string(),
  number: z.string().nullable(),
  legalForm: z.string().nullable(),
  scopes: z.array(z.enum(policyScopes)),
  scopeText: z.string().nullable(),
  legalBasis: z.array(z.string()),
  elements: z.array(z.enum(internalPolicyElements)),
  assurances: z.array(z.enum(policyAssurances)),
  effectiveDate: z.string().nullable(),
  fileId: z.string().nullable(),
  notes: z.string().nullable(),
  id: z.uuid(),
  status: z.enum(policyStatuses),
  version: z.number().int(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPolicy = z.infer<typeof ZPolicy>;
export const ZPolicyTransition = z.object({
  to: z.enum(policyStatuses),
  /** When superseding: the new version that replaces this one. */
  supersededById: optUuid,
  note: optText(1000),
});
export type TPolicyTransition = z.infer<typeof ZPolicyTransition>;
export const ZPolicyQuery = z.object({
  kind: z.enum(policyKinds).optional(),
  status: z.enum(policyStatuses).optional(),
  q: z.string().max(200).optional(),
  includeDeleted: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

// ---------------------------------------------------------------- B6 technical team
export const teamRoles = ['responsible', 'chair', 'member'] as const;
export const ZTeamMemberInput = z.object({
  role: z.enum(teamRoles),
  personId: z.uuid(),
  duties: list(1000),
});
export const ZTeamInput = z.object({
  decreeNumber: optText(200),
  decreeDate: optDate,
  decreeFileId: optUuid,
  members: z.array(ZTeamMemberInput).max(200),
});
export type TTeamInput = z.infer<typeof ZTeamInput>;
export const ZTeamMember = z.object({
  role: z.enum(teamRoles),
  personId: z.string(),
  duties: z.array(z.string()),
  id: z.uuid(),
  personName: z.string(),
  nip: z.string().nullable(),
  opdId: z.string().nullable(),
  opdName: z.string().nullable(),
  positionName: z.string().nullable(),
});
export const ZTeam = z.object({
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  decreeFileId: z.string().nullable(),
  members: z.array(ZTeamMember),
  /** Default duty lists of MJK-40 P8 for the chair and the members. */
  defaultDuties: z.object({ responsible: z.array(z.string()), chair: z.array(z.string()), member: z.array(z.string()) }),
});
export type TTeam = z.infer<typeof ZTeam>;

// ---------------------------------------------------------------- B8 SOP
export const ZSopStep = z.object({
  activity: text(2000).min(1),
  /** Index into the SOP's actor columns. */
  actor: z.number().int().min(0).max(19),
  inputs: text(1000).default(''),
  minutes: z.number().int().min(0).max(100000).nullish().transform((v) => v ?? null),
  output: text(1000).default(''),
  notes: text(1000).default(''),
});
export type TSopStep = z.infer<typeof ZSopStep>;
export const ZSopInput = z
  .object({
    number: text(100).min(1),
    title: text(300).min(3),
    unitName: optText(300),
    madeDate: optDate,
    revisedDate: optDate,
    revision: z.number().int().min(0).max(999).default(0),
    effectiveDate: optDate,
    approverPosition: optText(300),
    approverPersonId: optUuid,
    approverName: optText(200),
    approverNip: optText(30),
    purpose: optText(4000),
    scope: optText(4000),
    legalBasis: list(1000),
    qualifications: list(1000),
    relatedSops: list(),
    equipment: list(),
    warnings: list(1000),
    records: list(),
    actors: z.array(text(200).min(1)).min(1).max(20),
    steps: z.array(ZSopStep).max(200).default([]),
  })
  .superRefine((v, ctx) => {
    v.steps.forEach((s, i) => {
      if (s.actor >= v.actors.length) ctx.addIssue({ code: 'custom', path: ['steps', i, 'actor'], message: 'governance.sop_actor_unknown' });
    });
  });
export type TSopInput = z.infer<typeof ZSopInput>;
export const ZSop = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  unitName: z.string().nullable(),
  madeDate: z.string().nullable(),
  revisedDate: z.string().nullable(),
  revision: z.number().int(),
  effectiveDate: z.string().nullable(),
  approverPosition: z.string().nullable(),
  approverPersonId: z.string().nullable(),
  approverName: z.string().nullable(),
  approverNip: z.string().nullable(),
  purpose: z.string().nullable(),
  scope: z.string().nullable(),
  legalBasis: z.array(z.string()),
  qualifications: z.array(z.string()),
  relatedSops: z.array(z.string()),
  equipment: z.array(z.string()),
  warnings: z.array(z.string()),
  records: z.array(z.string()),
  actors: z.array(z.string()),
  steps: z.array(
    z.object({ activity: z.string(), actor: z.number().int(), inputs: z.string(), minutes: z.number().int().nullable(), output: z.string(), notes: z.string() }),
  ),
  totalMinutes: z.number().int(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSop = z.infer<typeof ZSop>;

// ---------------------------------------------------------------- B9 BC/DR
export const testResults = ['passed', 'partial', 'failed'] as const;
export const ZBcdrContact = z.object({ name: text(200).min(1), role: text(200).default(''), phone: text(60).default('') });
export const ZBcdrInput = z.object({
  serviceName: text(300).min(3),
  opdId: optUuid,
  applicationId: optUuid,
  rtoMinutes: z.number().int().min(0).max(10_000_000),
  rpoMinutes: z.number().int().min(0).max(10_000_000),
  strategy: text(8000).min(3),
  contacts: z.array(ZBcdrContact).max(30).default([]),
  lastTestDate: optDate,
  lastTestResult: z.enum(testResults).nullish().transform((v) => v ?? null),
  lastTestNotes: optText(4000),
  nextTestDate: optDate,
  fileId: optUuid,
});
export type TBcdrInput = z.infer<typeof ZBcdrInput>;
export const ZBcdr = z.object({
  serviceName: z.string(),
  opdId: z.string().nullable(),
  applicationId: z.string().nullable(),
  rtoMinutes: z.number().int(),
  rpoMinutes: z.number().int(),
  strategy: z.string(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), phone: z.string() })),
  lastTestDate: z.string().nullable(),
  lastTestResult: z.enum(testResults).nullable(),
  lastTestNotes: z.string().nullable(),
  nextTestDate: z.string().nullable(),
  fileId: z.string().nullable(),
  id: z.uuid(),
  opdName: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TBcdr = z.infer<typeof ZBcdr>;

/** Entities a rule/control link may point to by id (checked on save); others are typed labels. */
export const govLinkEntities = ['risk', 'obligation'] as const;
/** A rule/control procedure that links to a record (e.g. the controls treating a risk). */
export const ZControlRef = z.object({ id: z.uuid(), kind: z.enum(controlKinds), code: z.string(), title: z.string(), label: z.string() });
export type TControlRef = z.infer<typeof ZControlRef>;
export const ZControlLinkQuery = z.object({ entity: z.enum(govLinkEntities), id: z.uuid() });
