import type { z } from 'zod';
import {
  ZApplicationInput,
  ZDatabaseInput,
  ZDeviceInput,
  ZInterconnectionInput,
  ZIpAddressInput,
  ZSecurityAssetInput,
  ZSubdomainInput,
  ZThirdPartyInput,
  appKinds,
  appStatuses,
  databaseGroups,
  dataClassifications,
  dbKeyKinds,
  deviceKinds,
  deviceLocations,
  deviceNetworks,
  securityPurposes,
  securityStages,
  thirdPartyKinds,
} from '@persada/shared';

/** Form field of a register: labels come from `systems.fields.<name>`, enum labels from `systems.enums.<enum>.<value>`. */
export type FieldDef = {
  name: string;
  type: 'text' | 'textarea' | 'select' | 'checkbox' | 'date' | 'opd' | 'application' | 'device' | 'thirdParty';
  enumName?: string;
  values?: readonly string[];
  required?: boolean;
  wide?: boolean;
  defaultValue?: unknown;
  /** Only users holding systems.infra (the Dinas) may fill it in. */
  infraOnly?: boolean;
};

export type ColumnKind = 'text' | 'enum' | 'bool' | 'date' | 'category' | 'percent' | 'name';
export type ColDef = { key: string; kind?: ColumnKind; enumName?: string; sortable?: boolean };
export type FilterDef = { key: string; enumName: string; values: readonly string[] };

export type RegisterUi = {
  path: string;
  /** i18n prefix `systems.<key>.*` for title, description, add, empty … */
  key: string;
  schema: z.ZodType<any, any>;
  manage: 'systems.manage' | 'systems.infra';
  fields: FieldDef[];
  columns: ColDef[];
  filters?: FilterDef[];
  /** Field shown as the record's name in confirm dialogs. */
  nameField: string;
};

const opd: FieldDef = { name: 'opdId', type: 'opd', required: true };
const dbGroupCodes = databaseGroups.map((g) => g.code);

export const applicationsUi: RegisterUi = {
  path: 'applications',
  key: 'applications',
  schema: ZApplicationInput,
  manage: 'systems.manage',
  nameField: 'name',
  fields: [
    { name: 'name', type: 'text', required: true },
    opd,
    { name: 'kind', type: 'select', enumName: 'appKind', values: appKinds, required: true, defaultValue: 'khusus' },
    { name: 'status', type: 'select', enumName: 'appStatus', values: appStatuses, required: true, defaultValue: 'planned' },
    { name: 'purpose', type: 'textarea', wide: true },
    { name: 'dataClassification', type: 'select', enumName: 'classification', values: dataClassifications, defaultValue: 'biasa' },
    { name: 'url', type: 'text' },
    { name: 'usersInternal', type: 'checkbox', defaultValue: true },
    { name: 'usersPublic', type: 'checkbox', defaultValue: false },
    { name: 'ssoIntegrated', type: 'checkbox', defaultValue: false },
    { name: 'hostedInDataCentre', type: 'checkbox', defaultValue: true },
    { name: 'hostingNote', type: 'text' },
    { name: 'certificate', type: 'text' },
    { name: 'interoperability', type: 'textarea', wide: true },
  ],
  columns: [
    { key: 'name', kind: 'name', sortable: true },
    { key: 'kind', kind: 'enum', enumName: 'appKind', sortable: true },
    { key: 'opdName', sortable: true },
    { key: 'status', kind: 'enum', enumName: 'appStatus', sortable: true },
    { key: 'category', kind: 'category' },
    { key: 'hostedInDataCentre', kind: 'bool' },
    { key: 'techDocsComplete', kind: 'percent' },
  ],
  filters: [
    { key: 'kind', enumName: 'appKind', values: appKinds },
    { key: 'status', enumName: 'appStatus', values: appStatuses },
  ],
};

export const devicesUi: RegisterUi = {
  path: 'devices',
  key: 'devices',
  schema: ZDeviceInput,
  manage: 'systems.manage',
  nameField: 'name',
  fields: [
    { name: 'name', type: 'text', required: true },
    opd,
    { name: 'kind', type: 'select', enumName: 'deviceKind', values: deviceKinds, required: true, defaultValue: 'server' },
    { name: 'location', type: 'select', enumName: 'location', values: deviceLocations, required: true, defaultValue: 'data_centre' },
    { name: 'role', type: 'text' },
    { name: 'os', type: 'text' },
    { name: 'network', type: 'select', enumName: 'network', values: deviceNetworks },
    { name: 'lastMaintenance', type: 'date' },
    { name: 'backupFileSystem', type: 'checkbox', defaultValue: false },
    { name: 'backupDatabase', type: 'checkbox', defaultValue: false },
    { name: 'backupOffsite', type: 'checkbox', defaultValue: false },
    { name: 'backupMedia', type: 'text' },
    { name: 'notes', type: 'textarea', wide: true },
  ],
  columns: [
    { key: 'name', sortable: true },
    { key: 'kind', kind: 'enum', enumName: 'deviceKind', sortable: true },
    { key: 'opdName', sortable: true },
    { key: 'location', kind: 'enum', enumName: 'location', sortable: true },
    { key: 'ipAddresses' },
    { key: 'backupOffsite', kind: 'bool' },
    { key: 'lastMaintenance', kind: 'date', sortable: true },
  ],
  filters: [
    { key: 'kind', enumName: 'deviceKind', values: deviceKinds },
    { key: 'location', enumName: 'location', values: deviceLocations },
  ],
};

export const ipUi: RegisterUi = {
  path: 'ip-addresses',
  key: 'ip',
  schema: ZIpAddressInput,
  manage: 'systems.infra',
  nameField: 'address',
  fields: [
    { name: 'address', type: 'text', required: true },
    opd,
    { name: 'deviceId', type: 'device' },
    { name: 'applicationId', type: 'application' },
    { name: 'note', type: 'textarea', wide: true },
  ],
  columns: [{ key: 'address', sortable: true }, { key: 'opdName', sortable: true }, { key: 'deviceName' }, { key: 'applicationName' }, { key: 'note' }],
};

export const subdomainsUi: RegisterUi = {
  path: 'subdomains',
  key: 'subdomains',
  schema: ZSubdomainInput,
  manage: 'systems.manage',
  nameField: 'fqdn',
  fields: [
    { name: 'label', type: 'text', required: true },
    opd,
    { name: 'applicationId', type: 'application' },
    { name: 'purpose', type: 'textarea', wide: true },
    { name: 'decreeNumber', type: 'text', infraOnly: true },
    { name: 'decreeDate', type: 'date', infraOnly: true },
  ],
  columns: [
    { key: 'fqdn', sortable: false },
    { key: 'opdName', sortable: true },
    { key: 'applicationName' },
    { key: 'status', kind: 'enum', enumName: 'subdomainStatus', sortable: true },
    { key: 'decreeNumber' },
    { key: 'decreeDate', kind: 'date', sortable: true },
  ],
  filters: [{ key: 'status', enumName: 'subdomainStatus', values: ['requested', 'assigned', 'rejected'] }],
};

export const databasesUi: RegisterUi = {
  path: 'databases',
  key: 'databases',
  schema: ZDatabaseInput,
  manage: 'systems.manage',
  nameField: 'name',
  fields: [
    { name: 'name', type: 'text', required: true },
    opd,
    { name: 'groupCode', type: 'select', enumName: 'dbGroup', values: dbGroupCodes, required: true, wide: true },
    { name: 'keyKind', type: 'select', enumName: 'keyKind', values: dbKeyKinds, required: true, defaultValue: 'other' },
    { name: 'applicationId', type: 'application' },
    { name: 'integrated', type: 'checkbox', defaultValue: false },
    { name: 'custodianName', type: 'text' },
    { name: 'custodianDecreeNumber', type: 'text' },
    { name: 'custodianDecreeDate', type: 'date' },
  ],
  columns: [
    { key: 'name', sortable: true },
    { key: 'groupCode', kind: 'enum', enumName: 'dbGroup', sortable: true },
    { key: 'opdName', sortable: true },
    { key: 'keyKind', kind: 'enum', enumName: 'keyKind' },
    { key: 'integrated', kind: 'bool' },
    { key: 'custodianName' },
    { key: 'custodianDecreeNumber' },
  ],
  filters: [
    { key: 'groupCode', enumName: 'dbGroup', values: dbGroupCodes },
    { key: 'keyKind', enumName: 'keyKind', values: dbKeyKinds },
  ],
};

export const thirdPartiesUi: RegisterUi = {
  path: 'third-parties',
  key: 'thirdParties',
  schema: ZThirdPartyInput,
  manage: 'systems.manage',
  nameField: 'name',
  fields: [
    { name: 'name', type: 'text', required: true },
    opd,
    { name: 'kind', type: 'select', enumName: 'partyKind', values: thirdPartyKinds, required: true, defaultValue: 'vendor' },
    { name: 'contractNumber', type: 'text' },
    { name: 'service', type: 'textarea', wide: true },
    { name: 'contractStart', type: 'date' },
    { name: 'contractEnd', type: 'date' },
    { name: 'securityClauses', type: 'checkbox', defaultValue: false },
    { name: 'fullAccessSourceCode', type: 'checkbox', defaultValue: false },
    { name: 'monitoringNotes', type: 'textarea', wide: true },
  ],
  columns: [
    { key: 'name', sortable: true },
    { key: 'kind', kind: 'enum', enumName: 'partyKind', sortable: true },
    { key: 'opdName', sortable: true },
    { key: 'contractNumber' },
    { key: 'contractEnd', kind: 'date', sortable: true },
    { key: 'securityClauses', kind: 'bool' },
    { key: 'fullAccessSourceCode', kind: 'bool' },
    { key: 'slaReports' },
  ],
  filters: [{ key: 'kind', enumName: 'partyKind', values: thirdPartyKinds }],
};

export const interconnectionsUi: RegisterUi = {
  path: 'interconnections',
  key: 'interconnections',
  schema: ZInterconnectionInput,
  manage: 'systems.infra',
  nameField: 'partyName',
  fields: [
    { name: 'partyName', type: 'text', required: true },
    opd,
    { name: 'applicationId', type: 'application' },
    { name: 'thirdPartyId', type: 'thirdParty' },
    { name: 'dataExchanged', type: 'textarea', required: true, wide: true },
    { name: 'legalBasis', type: 'text' },
    { name: 'viaDinas', type: 'checkbox', defaultValue: true },
  ],
  columns: [{ key: 'applicationName' }, { key: 'partyName', sortable: true }, { key: 'opdName', sortable: true }, { key: 'dataExchanged' }, { key: 'legalBasis' }, { key: 'viaDinas', kind: 'bool' }],
};

export const securityAssetsUi: RegisterUi = {
  path: 'security-assets',
  key: 'securityAssets',
  schema: ZSecurityAssetInput,
  manage: 'systems.manage',
  nameField: 'name',
  fields: [
    { name: 'name', type: 'text', required: true },
    opd,
    { name: 'purpose', type: 'select', enumName: 'purpose', values: securityPurposes, required: true, defaultValue: 'protect' },
    { name: 'stage', type: 'select', enumName: 'stage', values: securityStages, required: true, defaultValue: 'plan' },
    { name: 'plannedOn', type: 'date' },
    { name: 'procuredOn', type: 'date' },
    { name: 'inUseOn', type: 'date' },
    { name: 'disposedOn', type: 'date' },
    { name: 'notes', type: 'textarea', wide: true },
  ],
  columns: [
    { key: 'name', sortable: true },
    { key: 'opdName', sortable: true },
    { key: 'purpose', kind: 'enum', enumName: 'purpose', sortable: true },
    { key: 'stage', kind: 'enum', enumName: 'stage', sortable: true },
    { key: 'procuredOn', kind: 'date' },
    { key: 'inUseOn', kind: 'date' },
  ],
  filters: [
    { key: 'purpose', enumName: 'purpose', values: securityPurposes },
    { key: 'stage', enumName: 'stage', values: securityStages },
  ],
};
