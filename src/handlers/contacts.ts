import { importContacts } from '../domain/contact-import.js';
import * as contacts from '../domain/contacts.js';
import { rejected } from '../domain/errors.js';
import { ok, type HandlerTable } from './types.js';
import { orgOf } from './context.js';

/** Contacts: thin routes over src/domain/contacts.ts. */
export const contactHandlers = {
  getContacts: (ctx) => ok('getContacts', contacts.listContacts(ctx.store, orgOf(ctx), ctx.query)),
  createContacts: (ctx) => ok('createContacts', contacts.createContacts(ctx.store, orgOf(ctx), ctx.body)),
  getContactById: (ctx) => ok('getContactById', { contact: contacts.getContact(ctx.store, orgOf(ctx), ctx.params.id) }),
  updateContactById: (ctx) => ok('updateContactById', { contact: contacts.updateContact(ctx.store, orgOf(ctx), ctx.params.id, ctx.body) }),
  deleteContactById: (ctx) => {
    contacts.deleteContact(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('deleteContactById', { data: true });
  },
  deleteContactsByList: (ctx) => {
    contacts.deleteContactsOfList(ctx.store, orgOf(ctx), ctx.query.id);
    return ok('deleteContactsByList', { data: true });
  },
  bulkImportContacts: async (ctx) => {
    const organizationId = orgOf(ctx);
    const file = ctx.files.find((f) => f.field === 'file');
    if (!file) throw rejected("form field 'file' must be a file (a CSV upload), not a text field");
    return ok('bulkImportContacts', await importContacts(ctx.store, organizationId, { file: file.bytes, delimiter: ctx.fields.delimiter, listIds: ctx.fields.listIds }));
  },
} satisfies Partial<HandlerTable>;
