/** The main screen's layouts: the compact tabs and header menu, in English. */
export const enLayout = {
  'layout.menu': 'Menu',
  'layout.menu-label': 'Status, settings and sign out',
  'layout.views': 'Views',
  'layout.tab-keypad': 'Keypad',
  'layout.tab-contacts': 'Contacts',
  'layout.tab-history': 'History',
}
