import type { RouterInputs, RouterOutputs } from '../../api/types';

export type Lead = RouterOutputs['leads']['get'];
export type LeadFieldsInput = RouterInputs['leads']['create']['fields'];
export type LeadStatus = Lead['status'];
export const LEAD_STATUSES: LeadStatus[] = ['new', 'contacted', 'qualified', 'unqualified', 'converted'];
/** The statuses a user picks; converted is set by converting. */
export const EDITABLE_STATUSES = LEAD_STATUSES.filter((s) => s !== 'converted');
