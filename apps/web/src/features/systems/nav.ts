import { AppWindow, Database, Globe, Handshake, Network, Server, ShieldHalf } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const systemsNav: NavItem[] = [
  { to: '/sistem/aplikasi', labelKey: 'nav.sysApplications', icon: AppWindow, permission: 'systems.read' },
  { to: '/sistem/perangkat', labelKey: 'nav.sysDevices', icon: Server, permission: 'systems.read' },
  { to: '/sistem/ip', labelKey: 'nav.sysIp', icon: Network, permission: 'systems.read' },
  { to: '/sistem/domain', labelKey: 'nav.sysDomains', icon: Globe, permission: 'systems.read' },
  { to: '/sistem/basis-data', labelKey: 'nav.sysDatabases', icon: Database, permission: 'systems.read' },
  { to: '/sistem/pihak-ketiga', labelKey: 'nav.sysThirdParties', icon: Handshake, permission: 'systems.read' },
  { to: '/sistem/aset-keamanan', labelKey: 'nav.sysSecurityAssets', icon: ShieldHalf, permission: 'systems.read' },
];
