import { BookCheck, Landmark, LifeBuoy, ListChecks, Network, ScrollText, Target, Users } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const governanceNav: NavItem[] = [
  { to: '/tata-kelola/renstra', labelKey: 'nav.govPlan', icon: Target, permission: 'governance.read' },
  { to: '/tata-kelola/arsitektur', labelKey: 'nav.govArchitecture', icon: Network, permission: 'governance.read' },
  { to: '/tata-kelola/aturan', labelKey: 'nav.govRules', icon: Landmark, permission: 'governance.read' },
  { to: '/tata-kelola/prosedur', labelKey: 'nav.govProcedures', icon: ListChecks, permission: 'governance.read' },
  { to: '/tata-kelola/kebijakan', labelKey: 'nav.govPolicies', icon: ScrollText, permission: 'governance.read' },
  { to: '/tata-kelola/tim', labelKey: 'nav.govTeam', icon: Users, permission: 'governance.read' },
  { to: '/tata-kelola/sop', labelKey: 'nav.govSops', icon: BookCheck, permission: 'governance.read' },
  { to: '/tata-kelola/bcdr', labelKey: 'nav.govBcdr', icon: LifeBuoy, permission: 'governance.read' },
];
