import type { TSecopsActivity, TSecopsFinding } from '@persada/shared';
import type { ActivityRow, FindingRow } from './secops.repo.js';
import { targetLabel } from './secops.labels.js';

export function findingDto(r: FindingRow, today: string): TSecopsFinding {
  const f = r.finding;
  return {
    id: f.id,
    activityId: f.activityId,
    title: f.title,
    description: f.description,
    severity: f.severity,
    ownerPersonId: f.ownerPersonId,
    ownerName: r.ownerName,
    ownerText: f.ownerText,
    dueDate: f.dueDate,
    status: f.status,
    fixedOn: f.fixedOn,
    verifiedOn: f.verifiedOn,
    acceptedOn: f.acceptedOn,
    acceptedReason: f.acceptedReason,
    statusNote: f.statusNote,
    overdue: f.status === 'terbuka' && !!f.dueDate && f.dueDate < today,
    targetLabel: targetLabel({ targetKind: r.activity.targetKind, area: r.activity.area, appName: r.appName, deviceName: r.deviceName }),
    activityFunction: r.activity.function,
    activityKind: r.activity.kind as TSecopsFinding['activityKind'],
    performedOn: r.activity.performedOn,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function activityDto(r: ActivityRow): TSecopsActivity {
  const a = r.activity;
  return {
    id: a.id,
    targetKind: a.targetKind,
    applicationId: a.applicationId,
    deviceId: a.deviceId,
    area: a.area,
    targetLabel: targetLabel({ targetKind: a.targetKind, area: a.area, appName: r.appName, deviceName: r.deviceName }),
    opdId: a.opdId,
    opdName: r.opdName,
    function: a.function,
    kind: a.kind as TSecopsActivity['kind'],
    title: a.title,
    performedOn: a.performedOn,
    executor: a.executor,
    executorName: a.executorName,
    scope: a.scope,
    result: a.result,
    reportFileId: a.reportFileId,
    openFindings: Number(r.openFindings ?? 0),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
