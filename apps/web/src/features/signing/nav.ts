import { FileSignature, LockKeyhole, ShieldCheck, ShieldPlus } from 'lucide-react';
import type { NavItem } from '@/components/layout/nav-types';

/** Sidebar entries of this feature (shown when the user holds the permission). */
export const signingNav: NavItem[] = [
  { to: '/tanda-tangan', labelKey: 'nav.signing', icon: FileSignature, permission: 'documents.sign' },
  { to: '/perlindungan-dokumen', labelKey: 'nav.signingProtect', icon: LockKeyhole, permission: 'documents.sign' },
  { to: '/akar-tepercaya', labelKey: 'nav.signingRoots', icon: ShieldPlus, permission: 'pki.manage' },
  { to: '/verifikasi', labelKey: 'nav.signingVerify', icon: ShieldCheck },
];
