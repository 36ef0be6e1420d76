/** A pair the user said is not a duplicate; customer_a_id < customer_b_id. */
export interface DuplicateDismissalTable {
  customer_a_id: number;
  customer_b_id: number;
  dismissed_by: number | null;
  dismissed_at: string;
}
