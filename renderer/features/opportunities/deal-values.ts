import type { currencies } from '../../../electron/api/schemas/opportunities.schema';

// The API's currency list, repeated because the renderer may import its types only; typed as the API's
// tuple, so a currency added there fails the type check here until it is added.
export const CURRENCIES: typeof currencies = ['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY'];
