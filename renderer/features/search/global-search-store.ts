import { createSpotlight } from '@mantine/spotlight';

export const [globalSearchStore, globalSearch] = createSpotlight();

/** How the platform writes the shortcut: ⌘ on Apple keyboards, Ctrl elsewhere. */
export const MOD_KEY_LABEL = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
