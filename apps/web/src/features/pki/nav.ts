import { KeyRound } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const pkiNav: NavItem[] = [{ to: '/pki', labelKey: 'nav.pki', icon: KeyRound, permission: 'pki.manage' }];
