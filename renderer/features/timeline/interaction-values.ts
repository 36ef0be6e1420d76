import {
  IconBrandHipchat,
  IconBuildingStore,
  IconMail,
  IconNote,
  IconPhone,
  IconShare,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type {
  interactionChannels,
  interactionDirections,
  interactionTypes,
} from '../../../electron/api/schemas/interactions.schema';
import type { InteractionType } from './types';

// The API's enums, repeated because the renderer may import its types only; typed as the API's tuples,
// so a value added there fails the type check here until it is added (and translated).
export const INTERACTION_TYPES: typeof interactionTypes = ['call', 'email', 'meeting', 'visit', 'chat', 'social', 'note'];
export const INTERACTION_DIRECTIONS: typeof interactionDirections = ['inbound', 'outbound'];
export const INTERACTION_CHANNELS: typeof interactionChannels = {
  call: ['phone', 'mobile', 'wechat', 'voip'],
  email: [],
  meeting: ['in_person', 'video', 'phone_conference'],
  visit: ['their_site', 'our_office', 'exhibition'],
  chat: ['wechat', 'wecom', 'qq', 'dingtalk', 'whatsapp', 'sms', 'other'],
  social: ['weibo', 'douyin', 'xiaohongshu', 'linkedin', 'facebook', 'other'],
  note: [],
};

export const TYPE_ICONS: Record<InteractionType, Icon> = {
  call: IconPhone,
  email: IconMail,
  meeting: IconUsersGroup,
  visit: IconBuildingStore,
  chat: IconBrandHipchat,
  social: IconShare,
  note: IconNote,
};

export const TYPE_COLORS: Record<InteractionType, string> = {
  call: 'blue',
  email: 'violet',
  meeting: 'teal',
  visit: 'orange',
  chat: 'green',
  social: 'pink',
  note: 'gray',
};
