import type { LucideIcon } from 'lucide-react';

export type NavItem = { to: string; labelKey: string; icon: LucideIcon; permission?: string; exact?: boolean };
export type NavGroup = { labelKey?: string; items: NavItem[] };
