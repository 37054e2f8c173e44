/**
 * The translation resources: the core dictionaries plus each feature's own
 * (features/<m>/locales/{id,en}.json, each holding one top-level key = the feature name,
 * and optionally `audit.entityLabels`/`audit.actionLabels` entries for its records).
 */
import id from './id.json';
import en from './en.json';
import regulationsId from '@/features/regulations/locales/id.json';
import regulationsEn from '@/features/regulations/locales/en.json';
import systemsId from '@/features/systems/locales/id.json';
import systemsEn from '@/features/systems/locales/en.json';
import risksId from '@/features/risks/locales/id.json';
import risksEn from '@/features/risks/locales/en.json';
import governanceId from '@/features/governance/locales/id.json';
import governanceEn from '@/features/governance/locales/en.json';
import pkiId from '@/features/pki/locales/id.json';
import pkiEn from '@/features/pki/locales/en.json';
import certificatesId from '@/features/certificates/locales/id.json';
import certificatesEn from '@/features/certificates/locales/en.json';
import signingId from '@/features/signing/locales/id.json';
import signingEn from '@/features/signing/locales/en.json';
import secopsId from '@/features/secops/locales/id.json';
import secopsEn from '@/features/secops/locales/en.json';

type Tree = { [k: string]: string | Tree };

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    into[k] = typeof v === 'object' && cur && typeof cur === 'object' ? merge({ ...cur }, v) : v;
  }
  return into;
}

const build = (base: Tree, parts: Tree[]) => parts.reduce((acc, p) => merge(acc, p), merge({}, base));

export const idResources = build(id as Tree, [regulationsId, systemsId, risksId, governanceId, pkiId, certificatesId, signingId, secopsId] as Tree[]) as typeof id & Tree;
export const enResources = build(en as Tree, [regulationsEn, systemsEn, risksEn, governanceEn, pkiEn, certificatesEn, signingEn, secopsEn] as Tree[]) as typeof en & Tree;
