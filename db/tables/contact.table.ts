import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Gender = 'male' | 'female' | 'other';

export interface ContactTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  title: string | null;
  /** E.164, e.g. +8613800138000. */
  mobile: string | null;
  /** E.164 with an optional RFC 3966 extension, e.g. +861062345678;ext=801. */
  landline: string | null;
  /** Lower-cased. */
  email: string | null;
  wechat_id: string | null;
  birthday: string | null;
  gender: Gender | null;
  is_primary: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  /** 1 when the contact went to the trash with its customer (and comes back with it); 0 otherwise. */
  deleted_with_customer: Generated<number>;
  version: number;
}

export type ContactRow = Selectable<ContactTable>;
export type NewContactRow = Insertable<ContactTable>;
export type ContactUpdate = Updateable<ContactTable>;
