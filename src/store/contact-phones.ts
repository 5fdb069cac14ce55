/**
 * Contacts by phone number within each organization: what keeps "is this phone taken?" O(1) for contact
 * creation, bulk import and updates. Kept by src/domain/contacts.ts on every write that creates, re-numbers or
 * deletes a contact, and built by the Store's constructor from its records (also after a snapshot restore).
 * Not a Map itself, so the snapshot code does not mistake it for a record collection.
 */
export class ContactPhones {
  /** organization id → phone → contact id. */
  private readonly byOrganization = new Map<string, Map<string, string>>();
  /** Counts the changes: a caller that saw version v and sees v again knows no phone was taken or freed since. */
  version = 0;

  /** The id of the contact of the organization with this phone, if the index has one. */
  get(organizationId: string, phone: string): string | undefined {
    return this.byOrganization.get(organizationId)?.get(phone);
  }

  set(organizationId: string, phone: string, contactId: string): void {
    let phones = this.byOrganization.get(organizationId);
    if (!phones) {
      phones = new Map();
      this.byOrganization.set(organizationId, phones);
    }
    phones.set(phone, contactId);
    this.version++;
  }

  /**
   * Adds many phones of one organization at once (phone → contact id; they win over what the index has),
   * taking `phones` over: the smaller of the two maps is copied into the larger, so adding a large batch to a small
   * organization costs little.
   */
  addAll(organizationId: string, phones: Map<string, string>): void {
    const current = this.byOrganization.get(organizationId);
    if (current && current.size >= phones.size) {
      for (const [phone, id] of phones) current.set(phone, id);
    } else {
      if (current) for (const [phone, id] of current) if (!phones.has(phone)) phones.set(phone, id);
      this.byOrganization.set(organizationId, phones);
    }
    this.version++;
  }

  /** Forgets the phone, if it still points at this contact. */
  delete(organizationId: string, phone: string, contactId: string): void {
    const phones = this.byOrganization.get(organizationId);
    if (phones?.get(phone) === contactId) {
      phones.delete(phone);
      this.version++;
    }
  }
}
