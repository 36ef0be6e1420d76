import type { Page } from 'playwright-core';

/**
 * Scrolls the customer list to its last or its first columns: it draws only the columns in view, and
 * a 1280 px window shows about half of them.
 */
export async function scrollCustomerTable(page: Page, to: 'right' | 'left'): Promise<void> {
  await page.evaluate(`document.querySelector('[data-testid="customer-table"]').scrollLeft = ${to === 'right' ? 1e6 : 0}`);
}
