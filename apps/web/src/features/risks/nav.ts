import { Grid3x3, ShieldAlert } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const risksNav: NavItem[] = [
  { to: '/risiko', labelKey: 'nav.risks', icon: ShieldAlert, permission: 'risks.read', exact: true },
  { to: '/risiko/peta', labelKey: 'nav.riskHeatmap', icon: Grid3x3, permission: 'risks.read' },
];
