import { BadgeCheck, BarChart3, ClipboardCheck, ClipboardList, FileX2, MessageSquareWarning, UserCog } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const certificatesNav: NavItem[] = [
  { to: '/sertifikat', labelKey: 'nav.certMine', icon: BadgeCheck, permission: 'certificates.apply', exact: true },
  { to: '/sertifikat/verifikasi', labelKey: 'nav.certVerify', icon: ClipboardCheck, permission: 'certificates.verify' },
  { to: '/sertifikat/kebutuhan', labelKey: 'nav.certNeeds', icon: ClipboardList, permission: 'certificates.read' },
  { to: '/sertifikat/pencabutan', labelKey: 'nav.certRevocations', icon: FileX2, permission: 'certificates.apply' },
  { to: '/sertifikat/pengaduan', labelKey: 'nav.certComplaints', icon: MessageSquareWarning, permission: 'certificates.apply' },
  { to: '/sertifikat/statistik', labelKey: 'nav.certStats', icon: BarChart3, permission: 'certificates.read' },
  { to: '/sertifikat/pengelola-ra', labelKey: 'nav.certRaAdmin', icon: UserCog, permission: 'certificates.manage' },
];
