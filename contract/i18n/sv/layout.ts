import type { enLayout } from '../en/layout'

/** Huvudfönstrets layouter: flikarna och menyn i det smala fönstret. */
export const svLayout: typeof enLayout = {
  'layout.menu': 'Meny',
  'layout.menu-label': 'Status, inställningar och utloggning',
  'layout.views': 'Vyer',
  'layout.tab-keypad': 'Knappsats',
  'layout.tab-contacts': 'Kontakter',
  'layout.tab-history': 'Historik',
}
