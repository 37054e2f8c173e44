import { ClipboardCheck, Scale } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const regulationsNav: NavItem[] = [
  { to: '/kepatuhan', labelKey: 'nav.compliance', icon: ClipboardCheck, permission: 'regulations.read' },
  { to: '/regulasi', labelKey: 'nav.regulations', icon: Scale, permission: 'regulations.read' },
];
