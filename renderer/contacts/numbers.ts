/**
 * What the address book needs of libphonenumber: reading and writing numbers in the user's
 * region, and the search index over them. A chunk of its own: libphonenumber's metadata is a
 * large part of the renderer's code and none of it is needed to register, so ContactsState
 * loads this when the address book loads (issue 14).
 */
export { ContactSearch, prepareContacts } from './contact-search'
export { callerKey, displayNumber } from '../../contract/phone-number'
