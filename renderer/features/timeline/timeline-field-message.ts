import type { TFunction } from 'i18next';
import en from '../../i18n/timeline.en.json';
import { fieldMessage } from '../../shared/field-message';

type TimelineMessageKey = keyof typeof en.timeline.fieldErrors;

const isTimelineKey = (key: string): key is TimelineMessageKey => Object.hasOwn(en.timeline.fieldErrors, key);

/** A field error of this area (timeline.fieldErrors.*), else one of the shared field messages. */
export function timelineFieldMessage(t: TFunction, key: string): string {
  return isTimelineKey(key) ? t(`timeline.fieldErrors.${key}`) : fieldMessage(t, key);
}
