import { Bell, Briefcase, Building2, History, House, Landmark, ShieldCheck, UserCog, Users } from 'lucide-react';
import type { NavGroup } from './nav-types';
import { regulationsNav } from '@/features/regulations/nav';
import { systemsNav } from '@/features/systems/nav';
import { risksNav } from '@/features/risks/nav';
import { governanceNav } from '@/features/governance/nav';
import { certificatesNav } from '@/features/certificates/nav';
import { signingNav } from '@/features/signing/nav';
import { pkiNav } from '@/features/pki/nav';
import { secopsNav } from '@/features/secops/nav';

export type { NavGroup, NavItem } from './nav-types';

/** Only modules that exist; each item is shown when the user holds its permission. */
export const navGroups: NavGroup[] = [
  { items: [{ to: '/', labelKey: 'nav.dashboard', icon: House, exact: true }] },
  {
    labelKey: 'nav.groupOrg',
    items: [
      { to: '/organisasi/profil', labelKey: 'nav.tenant', icon: Landmark, permission: 'tenant.read' },
      { to: '/organisasi/opd', labelKey: 'nav.opds', icon: Building2, permission: 'org.read' },
      { to: '/organisasi/jabatan', labelKey: 'nav.positions', icon: Briefcase, permission: 'org.read' },
      { to: '/pegawai', labelKey: 'nav.people', icon: Users, permission: 'people.read' },
    ],
  },
  { labelKey: 'nav.groupGrc', items: [...regulationsNav, ...governanceNav] },
  { labelKey: 'nav.groupSystems', items: [...systemsNav, ...risksNav, ...secopsNav] },
  { labelKey: 'nav.groupCertificates', items: [...certificatesNav, ...signingNav, ...pkiNav] },
  {
    labelKey: 'nav.groupAccess',
    items: [
      { to: '/akses/pengguna', labelKey: 'nav.users', icon: UserCog, permission: 'access.read' },
      { to: '/akses/peran', labelKey: 'nav.roles', icon: ShieldCheck, permission: 'access.read' },
    ],
  },
  {
    items: [
      { to: '/audit', labelKey: 'nav.audit', icon: History, permission: 'audit.read' },
      { to: '/notifikasi', labelKey: 'nav.notifications', icon: Bell },
    ],
  },
];
