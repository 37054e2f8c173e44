import { AlertTriangle, RadioTower, ShieldHalf } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const secopsNav: NavItem[] = [
  { to: '/operasi-keamanan', labelKey: 'nav.secops', icon: ShieldHalf, permission: 'secops.read', exact: true },
  { to: '/operasi-keamanan/temuan', labelKey: 'nav.secopsFindings', icon: AlertTriangle, permission: 'secops.read' },
  { to: '/operasi-keamanan/soc', labelKey: 'nav.secopsSoc', icon: RadioTower, permission: 'secops.read' },
];
